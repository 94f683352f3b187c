import { ActionIcon, Badge, Button, Code, Group, SegmentedControl, Table, Text, Tooltip, VisuallyHidden } from "@mantine/core";
import type { CustomField, RecordObject } from "@rapport/contract";
import { IconForms, IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { ConfirmDialog } from "../../../platform/feedback/ConfirmDialog";
import { EmptyState } from "../../../platform/feedback/EmptyState";
import { ErrorState } from "../../../platform/feedback/ErrorState";
import { notifySuccess } from "../../../platform/feedback/notify";
import { TableSkeleton } from "../../../platform/feedback/TableSkeleton";
import { PageHeader } from "../../../platform/shell/PageHeader";
import { useCreateParam } from "../../../platform/shell/use-create-param";
import { useCustomFields, useDeleteCustomField } from "../queries/custom-fields.queries";
import { recordsTexts } from "../records.texts";
import { CustomFieldFormModal } from "./CustomFieldFormModal";

const texts = recordsTexts.customFieldsSettings;
const MAX_OPTIONS_SHOWN = 5;

/** Settings › Custom fields: the workspace's own fields of people and companies. */
export function CustomFieldsPage() {
  const [objectType, setObjectType] = useState<RecordObject>("contact");
  const fields = useCustomFields(objectType);
  const remove = useDeleteCustomField();
  const [creating, createModal] = useCreateParam(true);
  const [editing, setEditing] = useState<CustomField | null>(null);
  const [deleting, setDeleting] = useState<CustomField | null>(null);

  const create = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={createModal.open}>
      {texts.create}
    </Button>
  );

  return (
    <>
      <PageHeader title={texts.title} description={texts.description} context={texts.settings} actions={create} />
      <SegmentedControl
        mb="md"
        value={objectType}
        onChange={(v) => setObjectType(v as RecordObject)}
        aria-label={texts.objectLabel}
        data={[
          { value: "contact", label: texts.objects.contact },
          { value: "company", label: texts.objects.company },
        ]}
      />
      {fields.isPending ? (
        <TableSkeleton rows={3} />
      ) : fields.isError ? (
        <ErrorState error={fields.error} onRetry={() => void fields.refetch()} />
      ) : fields.data.length === 0 ? (
        <EmptyState icon={<IconForms />} title={texts.emptyTitle} description={texts.empty(texts.objects[objectType])} action={create} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" highlightOnHover aria-label={texts.tableLabel(texts.objects[objectType])}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{texts.label}</Table.Th>
                <Table.Th>{texts.key}</Table.Th>
                <Table.Th>{texts.type}</Table.Th>
                <Table.Th>{texts.options}</Table.Th>
                <Table.Th>{texts.required}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{recordsTexts.common.actions}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fields.data.map((field) => (
                <Table.Tr key={field.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {field.label}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Code>{field.key}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{texts.types[field.type]}</Text>
                  </Table.Td>
                  <Table.Td>
                    {field.options.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        {recordsTexts.common.none}
                      </Text>
                    ) : (
                      <Group gap={4}>
                        {field.options.slice(0, MAX_OPTIONS_SHOWN).map((o) => (
                          <Badge key={o} variant="default" radius="sm" size="sm">
                            {o}
                          </Badge>
                        ))}
                        {field.options.length > MAX_OPTIONS_SHOWN && (
                          <Text size="xs" c="dimmed">
                            {texts.moreOptions(field.options.length - MAX_OPTIONS_SHOWN)}
                          </Text>
                        )}
                      </Group>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{field.required ? recordsTexts.common.yes : recordsTexts.common.no}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Tooltip label={texts.edit(field.label)}>
                        <ActionIcon variant="subtle" aria-label={texts.edit(field.label)} onClick={() => setEditing(field)}>
                          <IconPencil size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={texts.delete(field.label)}>
                        <ActionIcon variant="subtle" color="red" aria-label={texts.delete(field.label)} onClick={() => setDeleting(field)}>
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CustomFieldFormModal
        opened={creating || editing !== null}
        objectType={objectType}
        field={editing}
        onClose={() => {
          createModal.close();
          setEditing(null);
        }}
      />
      <ConfirmDialog
        opened={deleting !== null}
        title={deleting ? texts.confirmDeleteTitle(deleting.label) : ""}
        message={texts.confirmDelete}
        confirmLabel={texts.deleteButton}
        loading={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() => {
          if (!deleting) return;
          const field = deleting;
          remove.mutate(field, {
            onSuccess: () => {
              notifySuccess(texts.deleted(field.label));
              setDeleting(null);
            },
          });
        }}
      />
    </>
  );
}
