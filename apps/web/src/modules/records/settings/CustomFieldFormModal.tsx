import { Button, Code, Group, Modal, Select, Stack, Switch, TagsInput, TextInput } from "@mantine/core";
import type { CustomField, CustomFieldType, RecordObject } from "@rapport/contract";
import { customFieldTypes } from "@rapport/contract";
import { type FormEvent, useState } from "react";
import { fieldError } from "../../../platform/api/field-errors";
import { notifySuccess } from "../../../platform/feedback/notify";
import { useCreateCustomField, useUpdateCustomField } from "../queries/custom-fields.queries";
import { recordsTexts } from "../records.texts";
import { FIELD_KEY_PATTERN, fieldKeyFromLabel } from "./field-key";

const texts = recordsTexts.customFieldsSettings;
const needsOptions = (type: string) => type === "select" || type === "multi_select";

type Props = {
  opened: boolean;
  objectType: RecordObject;
  /** The field to edit; null to create one. */
  field: CustomField | null;
  onClose: () => void;
};

export function CustomFieldFormModal({ opened, onClose, ...rest }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={rest.field ? texts.editTitle(rest.field.label) : texts.createTitle} centered>
      {opened && <CustomFieldForm key={rest.field?.id ?? `new-${rest.objectType}`} onDone={onClose} {...rest} />}
    </Modal>
  );
}

function CustomFieldForm({ objectType, field, onDone }: Omit<Props, "opened" | "onClose"> & { onDone: () => void }) {
  const create = useCreateCustomField();
  const update = useUpdateCustomField();
  const mutation = field ? update : create;
  const [object, setObject] = useState<RecordObject>(field?.objectType ?? objectType);
  const [label, setLabel] = useState(field?.label ?? "");
  const [key, setKey] = useState(field?.key ?? "");
  const [keyTouched, setKeyTouched] = useState(false);
  const [type, setType] = useState<CustomFieldType>(field?.type ?? "text");
  const [options, setOptions] = useState<string[]>(field?.options ?? []);
  const [required, setRequired] = useState(field?.required ?? false);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!field && !FIELD_KEY_PATTERN.test(key)) errors.key = texts.keyInvalid;
    if (needsOptions(type) && options.length === 0) errors.options = texts.optionsRequired;
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const onSuccess = (saved: CustomField) => {
      notifySuccess(field ? texts.updated(saved.label) : texts.created(saved.label));
      onDone();
    };
    if (field) {
      update.mutate({ id: field.id, body: { label, required, ...(needsOptions(field.type) ? { options } : {}) } }, { onSuccess });
    } else {
      create.mutate({ objectType: object, key, label, type, required, options: needsOptions(type) ? options : [] }, { onSuccess });
    }
  };

  return (
    <form onSubmit={submit}>
      <Stack>
        {!field && (
          <Select
            label={texts.appliesTo}
            data={[
              { value: "contact", label: texts.objects.contact },
              { value: "company", label: texts.objects.company },
            ]}
            value={object}
            onChange={(v) => v && setObject(v as RecordObject)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        )}
        <TextInput
          label={texts.label}
          required
          data-autofocus
          maxLength={200}
          value={label}
          onChange={(e) => {
            const next = e.currentTarget.value;
            setLabel(next);
            if (!field && !keyTouched) setKey(fieldKeyFromLabel(next));
          }}
          error={fieldError(mutation.error, "label")}
        />
        {field ? (
          <TextInput
            label={texts.key}
            value={field.key}
            readOnly
            description={texts.keyFixed}
            styles={{ input: { fontFamily: "monospace" } }}
          />
        ) : (
          <TextInput
            label={texts.key}
            required
            maxLength={63}
            value={key}
            onChange={(e) => {
              setKeyTouched(true);
              setKey(e.currentTarget.value);
            }}
            description={
              <>
                {texts.keyDescription} <Code>{key ? `custom.${key}` : "custom.…"}</Code>
              </>
            }
            error={localErrors.key ?? fieldError(mutation.error, "key")}
            styles={{ input: { fontFamily: "monospace" } }}
          />
        )}
        <Select
          label={texts.type}
          data={customFieldTypes.map((t) => ({ value: t, label: texts.types[t] }))}
          value={type}
          onChange={(v) => v && setType(v as CustomFieldType)}
          disabled={field !== null}
          description={field ? texts.typeFixed : undefined}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          error={fieldError(mutation.error, "type")}
        />
        {needsOptions(type) && (
          <TagsInput
            label={texts.options}
            description={texts.optionsDescription}
            value={options}
            onChange={setOptions}
            acceptValueOnBlur
            clearable
            error={localErrors.options ?? fieldError(mutation.error, "options")}
          />
        )}
        <Switch
          label={texts.required}
          description={texts.requiredDescription}
          checked={required}
          onChange={(e) => setRequired(e.currentTarget.checked)}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {recordsTexts.common.cancel}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {field ? recordsTexts.common.saveChanges : texts.create}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
