import { ActionIcon, Anchor, Avatar, Badge, Group, Menu, Paper, Stack, Text, TextInput, Title, Tooltip } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import type { Company, Contact } from "@rapport/contract";
import { IconBuilding, IconDots, IconMail, IconPhone, IconTrash, IconWorld } from "@tabler/icons-react";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { usePermissions } from "../../../platform/auth/use-permissions";
import { ConfirmDialog } from "../../../platform/feedback/ConfirmDialog";
import { notifySuccess } from "../../../platform/feedback/notify";
import { initials } from "../../../platform/shell/initials";
import { shellTexts } from "../../../platform/shell/shell.texts";
import { LifecycleBadge, lifecycleOptions } from "../components/LifecycleBadge";
import { type RecordPatch, useTrashRecord, useUpdateRecord } from "../queries/records.queries";
import { useUserDirectory } from "../queries/users.queries";
import { type CustomerRecord, isContact, type RecordType, recordPath } from "../record-types";
import { recordsTexts } from "../records.texts";
import { InlineEdit, InlineList, InlineSelect, InlineText } from "./InlineEdit";
import { QuickFacts } from "./QuickFacts";

const texts = recordsTexts.record;

type Props = { type: RecordType; record: CustomerRecord; canEdit: boolean; listTitle: string; listPath: string };

/** Name, what the record is, stage, owner and tags (all editable in place), and the key facts. */
export function RecordHeader({ type, record, canEdit, listTitle, listPath }: Props) {
  useDocumentTitle([record.name, listTitle, shellTexts.appName].join(" · "));
  const update = useUpdateRecord(type, record.id);
  const save = (patch: RecordPatch) => update.mutateAsync(patch);
  const { nameOf, active } = useUserDirectory();
  const { can } = usePermissions();
  const navigate = useNavigate();
  const trash = useTrashRecord(type, record.id);
  const [confirmTrash, setConfirmTrash] = useState(false);
  const ownerName = nameOf(record.ownerId);

  return (
    <Paper withBorder radius="md" p="md">
      <Group align="flex-start" wrap="nowrap" gap="md">
        <Avatar size={52} radius={type === "company" ? "md" : "xl"} color="indigo" aria-hidden visibleFrom="xs">
          {type === "company" ? <IconBuilding size={26} /> : initials(record.name)}
        </Avatar>
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <div style={{ flex: 1, minWidth: 0 }}>
              {isContact(record) ? (
                <PersonName contact={record} canEdit={canEdit} onSave={save} />
              ) : (
                <CompanyName company={record} canEdit={canEdit} onSave={save} />
              )}
            </div>
            {can("records.delete") && record.deletedAt === null && (
              <Menu position="bottom-end" withinPortal shadow="md">
                <Menu.Target>
                  <ActionIcon variant="subtle" color="gray" aria-label={texts.moreActions}>
                    <IconDots size={18} aria-hidden />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => setConfirmTrash(true)}>
                    {texts.moveToTrash}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            )}
          </Group>
          {isContact(record) ? <PersonSubtitle contact={record} canEdit={canEdit} onSave={save} /> : <CompanySubtitle company={record} />}
          <Group gap="xs" wrap="wrap" align="center">
            <InlineSelect
              label={texts.lifecycleStage}
              value={record.lifecycleStage}
              data={lifecycleOptions}
              canEdit={canEdit}
              errorField="lifecycleStage"
              onSave={(v) => save({ lifecycleStage: (v ?? "other") as Contact["lifecycleStage"] })}
              display={<LifecycleBadge stage={record.lifecycleStage} />}
            />
            <InlineSelect
              label={texts.owner}
              value={record.ownerId}
              data={active.map((u) => ({ value: u.id, label: u.name }))}
              clearable
              canEdit={canEdit}
              errorField="ownerId"
              onSave={(v) => save({ ownerId: v })}
              display={
                <Text span size="sm">
                  <Text span c="dimmed" size="sm">
                    {texts.ownerPrefix}
                  </Text>{" "}
                  {record.ownerId ? (ownerName ?? recordsTexts.common.unknownUser) : texts.noOwner}
                </Text>
              }
            />
            <div style={{ minWidth: 0, flex: "0 1 auto" }}>
              <InlineList
                label={texts.tags}
                values={record.tags}
                canEdit={canEdit}
                errorField="tags"
                onSave={(tags) => save({ tags })}
                display={
                  <Group gap={4}>
                    {record.tags.map((tag) => (
                      <Badge key={tag} variant="default" radius="sm">
                        {tag}
                      </Badge>
                    ))}
                  </Group>
                }
              />
            </div>
          </Group>
          <QuickFacts type={type} record={record} />
        </Stack>
      </Group>
      <ConfirmDialog
        opened={confirmTrash}
        title={texts.confirmTrashTitle(record.name)}
        message={texts.confirmTrash}
        confirmLabel={texts.moveToTrash}
        loading={trash.isPending}
        onClose={() => setConfirmTrash(false)}
        onConfirm={() =>
          trash.mutate(undefined, {
            onSuccess: () => {
              notifySuccess(texts.trashed(record.name));
              setConfirmTrash(false);
              void navigate(listPath);
            },
          })
        }
      />
    </Paper>
  );
}

function PersonName({ contact, canEdit, onSave }: { contact: Contact; canEdit: boolean; onSave: (p: RecordPatch) => Promise<unknown> }) {
  return (
    <InlineEdit<{ firstName: string; lastName: string }>
      label={texts.name}
      canEdit={canEdit}
      errorField="lastName"
      initial={() => ({ firstName: contact.firstName, lastName: contact.lastName })}
      onSave={(v) => onSave({ firstName: v.firstName.trim(), lastName: v.lastName.trim() })}
      display={
        <Title order={2} lh={1.25} style={{ overflowWrap: "anywhere" }}>
          {contact.name}
        </Title>
      }
      editor={(api) => (
        <Group gap="xs" align="flex-start" wrap="wrap">
          <TextInput
            label={texts.firstName}
            autoFocus
            value={api.value.firstName}
            onChange={(e) => api.setValue({ ...api.value, firstName: e.currentTarget.value })}
            onKeyDown={api.onKeyDown}
            disabled={api.saving}
            style={{ flex: "1 1 160px" }}
          />
          <TextInput
            label={texts.lastName}
            value={api.value.lastName}
            onChange={(e) => api.setValue({ ...api.value, lastName: e.currentTarget.value })}
            onKeyDown={api.onKeyDown}
            disabled={api.saving}
            error={api.error}
            style={{ flex: "1 1 160px" }}
          />
        </Group>
      )}
    />
  );
}

function CompanyName({ company, canEdit, onSave }: { company: Company; canEdit: boolean; onSave: (p: RecordPatch) => Promise<unknown> }) {
  return (
    <InlineEdit<string>
      label={texts.name}
      canEdit={canEdit}
      errorField="name"
      initial={() => company.name}
      onSave={(name) => onSave({ name: name.trim() })}
      display={
        <Title order={2} lh={1.25} style={{ overflowWrap: "anywhere" }}>
          {company.name}
        </Title>
      }
      editor={(api) => (
        <TextInput
          aria-label={texts.name}
          autoFocus
          size="md"
          value={api.value}
          onChange={(e) => api.setValue(e.currentTarget.value)}
          onKeyDown={api.onKeyDown}
          disabled={api.saving}
          error={api.error}
        />
      )}
    />
  );
}

function PersonSubtitle({
  contact,
  canEdit,
  onSave,
}: {
  contact: Contact;
  canEdit: boolean;
  onSave: (p: RecordPatch) => Promise<unknown>;
}) {
  const email = contact.emails[0];
  const phone = contact.phones[0];
  return (
    <Group gap="xs" wrap="wrap" align="center">
      <div style={{ minWidth: 0 }}>
        <InlineText
          label={texts.jobTitle}
          value={contact.title}
          canEdit={canEdit}
          errorField="title"
          onSave={(title) => onSave({ title })}
        />
      </div>
      {contact.companies.map((c) => (
        <Anchor key={c.companyId} component={Link} to={recordPath("company", c.companyId)} size="sm" fw={500}>
          <Group gap={4} wrap="nowrap" component="span">
            <IconBuilding size={14} aria-hidden />
            {c.name}
          </Group>
        </Anchor>
      ))}
      {email && (
        <Tooltip label={texts.writeEmail}>
          <Anchor href={`mailto:${email}`} size="sm" c="dimmed">
            <Group gap={4} wrap="nowrap" component="span">
              <IconMail size={14} aria-hidden />
              {email}
            </Group>
          </Anchor>
        </Tooltip>
      )}
      {phone && (
        <Tooltip label={texts.call}>
          <Anchor href={`tel:${phone}`} size="sm" c="dimmed">
            <Group gap={4} wrap="nowrap" component="span">
              <IconPhone size={14} aria-hidden />
              {phone}
            </Group>
          </Anchor>
        </Tooltip>
      )}
    </Group>
  );
}

function CompanySubtitle({ company }: { company: Company }) {
  const parts = [company.industry, company.size ? texts.employeesSize(company.size) : null, company.country].filter(Boolean);
  return (
    <Group gap="xs" wrap="wrap">
      {company.domain && (
        <Anchor href={`https://${company.domain}`} target="_blank" rel="noopener noreferrer" size="sm">
          <Group gap={4} wrap="nowrap" component="span">
            <IconWorld size={14} aria-hidden />
            {company.domain}
          </Group>
        </Anchor>
      )}
      {parts.length > 0 && (
        <Text size="sm" c="dimmed">
          {parts.join(" · ")}
        </Text>
      )}
    </Group>
  );
}
