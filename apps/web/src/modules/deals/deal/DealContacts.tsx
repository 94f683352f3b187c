import { ActionIcon, Anchor, Button, Group, Popover, Stack, Text, TextInput } from "@mantine/core";
import type { Deal } from "@rapport/contract";
import { IconPlus, IconUnlink } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import classes from "../../records/panels/Panels.module.css";
import { recordPath } from "../../records/record-types";
import { PersonSelect } from "../components/PersonSelect";
import { dealsTexts } from "../deals.texts";
import { useUpdateDeal } from "../queries/deals.queries";

const texts = dealsTexts.contacts;

/** The people of the deal with their role in it; people can be added and removed. */
export function DealContacts({ deal, canEdit }: { deal: Deal; canEdit: boolean }) {
  const update = useUpdateDeal(deal.id);
  const links = deal.contacts.map((c) => ({ contactId: c.contactId, role: c.role }));
  return (
    <Stack gap="xs">
      {deal.contacts.length === 0 ? (
        <Text size="sm" c="dimmed">
          {texts.empty}
        </Text>
      ) : (
        <ul className={classes.list}>
          {deal.contacts.map((c) => (
            <li key={c.contactId} className={classes.listItem}>
              <div style={{ flex: 1, minWidth: 0 }}>
                <Anchor component={Link} to={recordPath("contact", c.contactId)} size="sm" fw={500}>
                  {c.name}
                </Anchor>
                {c.role && (
                  <Text size="xs" c="dimmed">
                    {c.role}
                  </Text>
                )}
              </div>
              {canEdit && (
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="sm"
                  aria-label={texts.remove(c.name)}
                  onClick={() => update.mutate({ contacts: links.filter((l) => l.contactId !== c.contactId) })}
                >
                  <IconUnlink size={14} aria-hidden />
                </ActionIcon>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <AddContact
          loading={update.isPending}
          onAdd={(contactId, role) => update.mutateAsync({ contacts: [...links, { contactId, role: role || null }] })}
          existing={links.map((l) => l.contactId)}
        />
      )}
    </Stack>
  );
}

function AddContact({
  loading,
  existing,
  onAdd,
}: {
  loading: boolean;
  existing: string[];
  onAdd: (id: string, role: string) => Promise<unknown>;
}) {
  const [opened, setOpened] = useState(false);
  const [person, setPerson] = useState<{ id: string; name: string | null } | null>(null);
  const [role, setRole] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!person || existing.includes(person.id)) return;
    void onAdd(person.id, role.trim()).then(() => {
      setOpened(false);
      setPerson(null);
      setRole("");
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
          {texts.add}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form onSubmit={submit}>
          <Stack gap="xs">
            <PersonSelect
              label={texts.person}
              value={person?.id ?? null}
              valueLabel={person?.name}
              onChange={(id, name) => setPerson(id ? { id, name } : null)}
              comboboxProps={{ withinPortal: false }}
              data-autofocus
            />
            <TextInput
              label={texts.role}
              placeholder={texts.rolePlaceholder}
              value={role}
              onChange={(e) => setRole(e.currentTarget.value)}
              maxLength={100}
            />
            <Group justify="flex-end">
              <Button type="submit" size="xs" loading={loading} disabled={!person}>
                {texts.add}
              </Button>
            </Group>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
