import { Badge, Button, Menu, Text } from "@mantine/core";
import type { SavedView } from "@rapport/contract";
import { IconCheck, IconChevronDown, IconDeviceFloppy, IconLayoutList, IconPencil, IconTrash, IconUsers } from "@tabler/icons-react";
import { useMe } from "../../../platform/auth/use-me";
import { usePermissions } from "../../../platform/auth/use-permissions";
import { recordsTexts } from "../records.texts";

const texts = recordsTexts.views;

type Props = {
  views: SavedView[];
  current: SavedView | null;
  /** "All people": the list without a saved view. */
  defaultLabel: string;
  onSelect: (view: SavedView | null) => void;
  onSaveAs: () => void;
  onEdit: (view: SavedView) => void;
  onDelete: (view: SavedView) => void;
};

/** Chooses a saved view (mine and the shared ones) and saves, renames or deletes views. */
export function ViewPicker({ views, current, defaultLabel, onSelect, onSaveAs, onEdit, onDelete }: Props) {
  const me = useMe();
  const { can } = usePermissions();
  const mine = views.filter((v) => v.ownerId === me.user.id);
  const shared = views.filter((v) => v.ownerId !== me.user.id && v.shared);
  const isMine = current !== null && current.ownerId === me.user.id;
  const canDelete = current !== null && (isMine || (current.shared && can("workspace.manage")));

  const item = (view: SavedView | null, label: string) => {
    const selected = (view?.id ?? null) === (current?.id ?? null);
    return (
      <Menu.Item
        key={view?.id ?? "default"}
        onClick={() => onSelect(view)}
        leftSection={selected ? <IconCheck size={14} aria-hidden /> : <span style={{ width: 14, display: "inline-block" }} />}
        rightSection={
          view?.shared && view.ownerId === me.user.id ? (
            <Badge size="xs" variant="light" color="gray" leftSection={<IconUsers size={10} aria-hidden />}>
              {texts.sharedBadge}
            </Badge>
          ) : undefined
        }
        aria-current={selected ? "true" : undefined}
      >
        {label}
      </Menu.Item>
    );
  };

  return (
    <Menu position="bottom-start" shadow="md" width={280} withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconLayoutList size={16} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
          aria-label={texts.pickerLabel(current?.name ?? defaultLabel)}
          maw={260}
        >
          <Text span size="sm" fw={500} truncate>
            {current?.name ?? defaultLabel}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {item(null, defaultLabel)}
        {mine.length > 0 && <Menu.Label>{texts.mine}</Menu.Label>}
        {mine.map((v) => item(v, v.name))}
        {shared.length > 0 && <Menu.Label>{texts.shared}</Menu.Label>}
        {shared.map((v) => item(v, v.name))}
        <Menu.Divider />
        <Menu.Item leftSection={<IconDeviceFloppy size={14} aria-hidden />} onClick={onSaveAs}>
          {texts.saveAs}
        </Menu.Item>
        {current && isMine && (
          <Menu.Item leftSection={<IconPencil size={14} aria-hidden />} onClick={() => onEdit(current)}>
            {texts.edit}
          </Menu.Item>
        )}
        {current && canDelete && (
          <Menu.Item color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => onDelete(current)}>
            {texts.delete}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
