import { Button, Divider, Group, Select, SimpleGrid, Stack, TagsInput, Text } from "@mantine/core";
import type { CustomField, LifecycleStage } from "@rapport/contract";
import type { FormEvent, ReactNode } from "react";
import { CustomFieldsInputs } from "./CustomFieldsInputs";
import { lifecycleOptions } from "./LifecycleBadge";
import { UserSelect } from "./UserSelect";
import type { useCustomInputs } from "./use-custom-inputs";

type FrameTexts = { customFields: string; cancel: string; create: string };

/**
 * The frame of the "new person" and "new company" forms: the record's own inputs in a
 * two-column grid, then its custom fields, then Cancel / Create. Each form keeps its own state
 * and validation; the frame only lays them out the same way.
 */
export function NewRecordForm(props: {
  onSubmit: (event: FormEvent) => void;
  onCancel: () => void;
  pending: boolean;
  customFields: CustomField[] | undefined;
  custom: ReturnType<typeof useCustomInputs>;
  error: unknown;
  texts: FrameTexts;
  children: ReactNode;
}) {
  const { texts } = props;
  const fields = props.customFields ?? [];
  return (
    <form onSubmit={props.onSubmit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
          {props.children}
        </SimpleGrid>
        {fields.length > 0 && (
          <>
            <Divider label={<Text size="xs">{texts.customFields}</Text>} labelPosition="left" />
            <CustomFieldsInputs fields={fields} values={props.custom.values} onChange={props.custom.set} error={props.error} />
          </>
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={props.onCancel}>
            {texts.cancel}
          </Button>
          <Button type="submit" loading={props.pending}>
            {texts.create}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Lifecycle stage, owner and tags: the inputs every new person and company has. */
export function OwnershipInputs(props: {
  stage: LifecycleStage;
  onStage: (stage: LifecycleStage) => void;
  ownerId: string | null;
  onOwner: (id: string | null) => void;
  tags: string[];
  onTags: (tags: string[]) => void;
  error: (field: string) => string | undefined;
  texts: { lifecycleStage: string; owner: string; tags: string };
}) {
  const { texts, error } = props;
  return (
    <>
      <Select
        label={texts.lifecycleStage}
        data={lifecycleOptions}
        value={props.stage}
        onChange={(v) => v && props.onStage(v as LifecycleStage)}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
      />
      <UserSelect label={texts.owner} value={props.ownerId} onChange={props.onOwner} allowNone error={error("ownerId")} />
      <TagsInput label={texts.tags} value={props.tags} onChange={props.onTags} acceptValueOnBlur error={error("tags")} />
    </>
  );
}
