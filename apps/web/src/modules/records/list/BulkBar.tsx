import { Button, CloseButton, Group, Paper, Popover, Select, Stack, Text, TextInput } from "@mantine/core";
import { IconRestore, IconTag, IconTagOff, IconTrash, IconUserShare } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { usePermissions } from "../../../platform/auth/use-permissions";
import { ConfirmDialog } from "../../../platform/feedback/ConfirmDialog";
import { notifySuccess } from "../../../platform/feedback/notify";
import { UserSelect } from "../components/UserSelect";
import { type BulkBody, useBulkAction } from "../queries/records.queries";
import type { RecordType } from "../record-types";
import { recordsTexts } from "../records.texts";

const texts = recordsTexts.bulk;

type Props = {
  type: RecordType;
  ids: string[];
  /** Tags found on the selected rows, offered for "Remove tag". */
  tagsOfSelection: string[];
  trash: boolean;
  onDone: () => void;
};

/** Actions on the selected rows; each shows only when the user's role allows it. */
export function BulkBar({ type, ids, tagsOfSelection, trash, onDone }: Props) {
  const { can } = usePermissions();
  const bulk = useBulkAction(type);
  const [confirmTrash, setConfirmTrash] = useState(false);
  const canWrite = can("records.write");
  const canDelete = can("records.delete");

  const run = (body: BulkBody, message: (n: number) => string, after?: () => void) =>
    bulk.mutate(body, {
      onSuccess: (affected) => {
        notifySuccess(message(affected));
        after?.();
        onDone();
      },
    });

  return (
    <Paper withBorder radius="md" px="sm" py={6} bg="var(--mantine-primary-color-light)" role="region" aria-label={texts.region}>
      <Group gap="xs" wrap="wrap">
        <Group gap={4} wrap="nowrap">
          <CloseButton size="sm" aria-label={texts.clear} onClick={onDone} />
          <Text size="sm" fw={600} aria-live="polite" mr="xs">
            {texts.selected(ids.length)}
          </Text>
        </Group>
        <Group gap="xs" wrap="wrap">
          {!trash && canWrite && (
            <>
              <TagAction
                label={texts.addTag}
                icon={<IconTag size={14} aria-hidden />}
                loading={bulk.isPending}
                onApply={(tag) => run({ action: "addTags", ids, tags: [tag] }, texts.tagAdded)}
              />
              <TagAction
                label={texts.removeTag}
                icon={<IconTagOff size={14} aria-hidden />}
                options={tagsOfSelection}
                loading={bulk.isPending}
                onApply={(tag) => run({ action: "removeTags", ids, tags: [tag] }, texts.tagRemoved)}
              />
              <OwnerAction loading={bulk.isPending} onApply={(ownerId) => run({ action: "setOwner", ids, ownerId }, texts.ownerChanged)} />
            </>
          )}
          {!trash && canDelete && (
            <Button
              size="xs"
              variant="default"
              color="red"
              leftSection={<IconTrash size={14} aria-hidden />}
              onClick={() => setConfirmTrash(true)}
            >
              {texts.trash}
            </Button>
          )}
          {trash && canDelete && (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconRestore size={14} aria-hidden />}
              loading={bulk.isPending}
              onClick={() => run({ action: "restore", ids }, recordsTexts.list.restored)}
            >
              {recordsTexts.list.restore}
            </Button>
          )}
        </Group>
      </Group>
      <ConfirmDialog
        opened={confirmTrash}
        title={texts.confirmTrashTitle(ids.length)}
        message={texts.confirmTrash}
        confirmLabel={texts.trash}
        loading={bulk.isPending}
        onClose={() => setConfirmTrash(false)}
        onConfirm={() => run({ action: "delete", ids }, texts.trashed, () => setConfirmTrash(false))}
      />
    </Paper>
  );
}

function TagAction({
  label,
  icon,
  options,
  loading,
  onApply,
}: {
  label: string;
  icon: React.ReactNode;
  options?: string[];
  loading: boolean;
  onApply: (tag: string) => void;
}) {
  const [opened, setOpened] = useState(false);
  const [tag, setTag] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!tag.trim()) return;
    onApply(tag.trim());
    setOpened(false);
    setTag("");
  };
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-start" shadow="md" width={260} trapFocus withinPortal>
      <Popover.Target>
        <Button size="xs" variant="default" leftSection={icon} onClick={() => setOpened((o) => !o)}>
          {label}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form onSubmit={submit}>
          <Stack gap="xs">
            {options ? (
              <Select
                label={texts.tag}
                data={options}
                value={tag || null}
                onChange={(v) => setTag(v ?? "")}
                searchable
                nothingFoundMessage={texts.noTags}
                comboboxProps={{ withinPortal: false }}
                data-autofocus
              />
            ) : (
              <TextInput label={texts.tag} value={tag} onChange={(e) => setTag(e.currentTarget.value)} maxLength={50} data-autofocus />
            )}
            <Button type="submit" size="xs" loading={loading} disabled={!tag.trim()}>
              {label}
            </Button>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}

function OwnerAction({ loading, onApply }: { loading: boolean; onApply: (ownerId: string | null) => void }) {
  const [opened, setOpened] = useState(false);
  const [owner, setOwner] = useState<string | null>(null);
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-start" shadow="md" width={260} trapFocus withinPortal>
      <Popover.Target>
        <Button size="xs" variant="default" leftSection={<IconUserShare size={14} aria-hidden />} onClick={() => setOpened((o) => !o)}>
          {texts.changeOwner}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            onApply(owner);
            setOpened(false);
          }}
        >
          <Stack gap="xs">
            <UserSelect
              label={texts.newOwner}
              value={owner}
              onChange={setOwner}
              allowNone
              comboboxProps={{ withinPortal: false }}
              data-autofocus
            />
            <Button type="submit" size="xs" loading={loading}>
              {texts.changeOwner}
            </Button>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
