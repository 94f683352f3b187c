import { ActionIcon, Anchor, Stack, Text } from "@mantine/core";
import type { Deal } from "@rapport/contract";
import { IconUnlink } from "@tabler/icons-react";
import { useState } from "react";
import { Link } from "react-router";
import { AddLinkPopover } from "../../records/panels/AddLinkPopover";
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
  const [person, setPerson] = useState<{ id: string; name: string | null } | null>(null);
  return (
    <AddLinkPopover
      label={texts.add}
      texts={texts}
      picked={person !== null && !existing.includes(person.id)}
      loading={loading}
      onAdd={(role) => onAdd(person?.id as string, role)}
      onReset={() => setPerson(null)}
    >
      <PersonSelect
        label={texts.person}
        value={person?.id ?? null}
        valueLabel={person?.name}
        onChange={(id, name) => setPerson(id ? { id, name } : null)}
        comboboxProps={{ withinPortal: false }}
        data-autofocus
      />
    </AddLinkPopover>
  );
}
