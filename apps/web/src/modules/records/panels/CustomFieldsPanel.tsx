import { Anchor, Text } from "@mantine/core";
import { Link } from "react-router";
import { useMe } from "../../../platform/auth/use-me";
import { usePermissions } from "../../../platform/auth/use-permissions";
import { ErrorState } from "../../../platform/feedback/ErrorState";
import { CustomFieldInput } from "../components/CustomFieldInput";
import { CustomValue } from "../components/CustomValue";
import { type CustomInputValue, toInputValue, toStoredValue } from "../custom-values";
import { useCustomFields } from "../queries/custom-fields.queries";
import { useUpdateRecord } from "../queries/records.queries";
import type { RecordPanelProps } from "../record-panels";
import { InlineEdit } from "../record360/InlineEdit";
import { recordsTexts } from "../records.texts";
import classes from "./Panels.module.css";

const texts = recordsTexts.customFieldsPanel;

/** The workspace's own fields of this object (Settings › Custom fields), editable in place. */
export function CustomFieldsPanel({ entityType, recordId, record, canEdit }: RecordPanelProps) {
  const fields = useCustomFields(entityType);
  const update = useUpdateRecord(entityType, recordId);
  const me = useMe();
  const { can } = usePermissions();
  if (fields.isPending)
    return (
      <Text size="sm" c="dimmed">
        {recordsTexts.common.loading}
      </Text>
    );
  if (fields.isError) return <ErrorState error={fields.error} onRetry={() => void fields.refetch()} />;
  if (fields.data.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {texts.none}{" "}
        {can("workspace.manage") && (
          <Anchor component={Link} to="/settings/custom-fields" size="sm">
            {texts.define}
          </Anchor>
        )}
      </Text>
    );
  }
  return (
    <dl className={classes.fields}>
      {fields.data.map((field) => {
        const stored = record.custom[field.key];
        return (
          <div key={field.id} style={{ display: "contents" }}>
            <dt>{field.label}</dt>
            <dd>
              <InlineEdit<CustomInputValue>
                block
                label={field.label}
                canEdit={canEdit}
                errorField={`custom.${field.key}`}
                initial={() => toInputValue(field, stored, me.workspace.defaultCurrency)}
                onSave={(value) => update.mutateAsync({ custom: { [field.key]: toStoredValue(field, value) } })}
                display={<CustomValue field={field} value={stored} />}
                saveOnBlur={field.type !== "multi_select" && field.type !== "money" && field.type !== "long_text"}
                displayHasLinks={field.type === "url" || field.type === "email"}
                editor={(api) => (
                  <CustomFieldInput
                    field={field}
                    value={api.value}
                    onChange={(v) => {
                      api.setValue(v);
                      // Choices save at once; typed values on Enter or when leaving the field.
                      if (field.type === "select" || field.type === "boolean") api.commit(v);
                    }}
                    error={api.error}
                    hideLabel
                    autoFocus
                    onKeyDown={api.onKeyDown}
                    size="xs"
                  />
                )}
              />
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
