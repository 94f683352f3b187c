import { Button, Group, Popover, Stack, TextInput } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { type FormEvent, type ReactNode, useState } from "react";

/**
 * A "+ Add …" button that opens a small form: pick a record (the caller's select, which keeps
 * the choice), say what role it plays, add. The popover closes and the form empties once the
 * link is saved; `picked` is false while nothing (or something already linked) is chosen.
 */
export function AddLinkPopover(props: {
  label: string;
  texts: { role: string; rolePlaceholder: string };
  picked: boolean;
  loading: boolean;
  onAdd: (role: string) => Promise<unknown>;
  onReset: () => void;
  children: ReactNode;
}) {
  const [opened, setOpened] = useState(false);
  const [role, setRole] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!props.picked) return;
    void props.onAdd(role.trim()).then(() => {
      setOpened(false);
      setRole("");
      props.onReset();
    });
  };
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-start" width={300} shadow="md" trapFocus withinPortal>
      <Popover.Target>
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => setOpened((o) => !o)}
          style={{ alignSelf: "flex-start" }}
        >
          {props.label}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form onSubmit={submit}>
          <Stack gap="xs">
            {props.children}
            <TextInput
              label={props.texts.role}
              placeholder={props.texts.rolePlaceholder}
              value={role}
              onChange={(e) => setRole(e.currentTarget.value)}
              maxLength={100}
            />
            <Group justify="flex-end">
              <Button type="submit" size="xs" loading={props.loading} disabled={!props.picked}>
                {props.label}
              </Button>
            </Group>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
