import { ActionIcon, Anchor, Badge, Button, Center, Stack, Text } from "@mantine/core";
import type { Contact } from "@rapport/contract";
import { IconBuilding, IconUnlink } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { Link } from "react-router";
import { ErrorState } from "../../../platform/feedback/ErrorState";
import { CompanySelect } from "../components/CompanySelect";
import { LifecycleBadge } from "../components/LifecycleBadge";
import { useCompanyPeople, useUpdateRecord } from "../queries/records.queries";
import type { RecordPanelProps } from "../record-panels";
import { isContact, recordPath } from "../record-types";
import { recordsTexts } from "../records.texts";
import { AddLinkPopover } from "./AddLinkPopover";
import classes from "./Panels.module.css";

const texts = recordsTexts.related;

/** The companies a person works for, with their role; links can be added and removed. */
export function CompaniesOfPersonPanel({ entityType, recordId, record, canEdit }: RecordPanelProps) {
  const update = useUpdateRecord(entityType, recordId);
  if (!isContact(record)) return null;
  const links = record.companies.map((c) => ({ companyId: c.companyId, role: c.role, isPrimary: c.isPrimary }));
  const unlink = (companyId: string) => update.mutate({ companies: links.filter((l) => l.companyId !== companyId) });
  return (
    <Stack gap="xs">
      {record.companies.length === 0 ? (
        <Text size="sm" c="dimmed">
          {texts.noCompanies}
        </Text>
      ) : (
        <ul className={classes.list}>
          {record.companies.map((c) => (
            <li key={c.companyId} className={classes.listItem}>
              <IconBuilding size={16} aria-hidden style={{ color: "var(--mantine-color-dimmed)", flex: "none" }} />
              <div style={{ flex: 1, minWidth: 0 }}>
                <Anchor component={Link} to={recordPath("company", c.companyId)} size="sm" fw={500}>
                  {c.name}
                </Anchor>
                {c.role && (
                  <Text size="xs" c="dimmed">
                    {c.role}
                  </Text>
                )}
              </div>
              {c.isPrimary && record.companies.length > 1 && (
                <Badge size="xs" variant="light" radius="sm">
                  {texts.primary}
                </Badge>
              )}
              {canEdit && (
                <ActionIcon variant="subtle" color="gray" size="sm" aria-label={texts.unlink(c.name)} onClick={() => unlink(c.companyId)}>
                  <IconUnlink size={14} aria-hidden />
                </ActionIcon>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <AddCompany
          contact={record}
          loading={update.isPending}
          onAdd={(companyId, role) =>
            update.mutateAsync({ companies: [...links, { companyId, role: role || null, isPrimary: links.length === 0 }] })
          }
        />
      )}
    </Stack>
  );
}

function AddCompany({
  contact,
  loading,
  onAdd,
}: {
  contact: Contact;
  loading: boolean;
  onAdd: (id: string, role: string) => Promise<unknown>;
}) {
  const [companyId, setCompanyId] = useState<string | null>(null);
  return (
    <AddLinkPopover
      label={texts.addCompany}
      texts={texts}
      picked={companyId !== null && !contact.companies.some((c) => c.companyId === companyId)}
      loading={loading}
      onAdd={(role) => onAdd(companyId as string, role)}
      onReset={() => setCompanyId(null)}
    >
      <CompanySelect
        label={texts.company}
        value={companyId}
        onChange={(id) => setCompanyId(id)}
        comboboxProps={{ withinPortal: false }}
        data-autofocus
      />
    </AddLinkPopover>
  );
}

/** The people linked to a company. */
export function PeopleOfCompanyPanel({ recordId }: RecordPanelProps) {
  const people = useCompanyPeople(recordId);
  const items = useMemo(() => people.data?.pages.flatMap((p) => p.items) ?? [], [people.data]);
  if (people.isPending)
    return (
      <Text size="sm" c="dimmed">
        {recordsTexts.common.loading}
      </Text>
    );
  if (people.isError) return <ErrorState error={people.error} onRetry={() => void people.refetch()} />;
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {texts.noPeople}
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <ul className={classes.list}>
        {items.map((person) => (
          <li key={person.id} className={classes.listItem}>
            <div style={{ flex: 1, minWidth: 0 }}>
              <Anchor component={Link} to={recordPath("contact", person.id)} size="sm" fw={500}>
                {person.name}
              </Anchor>
              <Text size="xs" c="dimmed" truncate>
                {[person.title, person.emails[0]].filter(Boolean).join(" · ")}
              </Text>
            </div>
            <LifecycleBadge stage={person.lifecycleStage} size="xs" />
          </li>
        ))}
      </ul>
      {people.hasNextPage && (
        <Center>
          <Button variant="default" size="xs" onClick={() => void people.fetchNextPage()} loading={people.isFetchingNextPage}>
            {recordsTexts.common.loadMore}
          </Button>
        </Center>
      )}
    </Stack>
  );
}
