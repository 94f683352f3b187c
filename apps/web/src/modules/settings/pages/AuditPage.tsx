import { Button, Center, Group, Select, Stack, Table, Text, Tooltip, VisuallyHidden } from "@mantine/core";
import type { AuditEntry } from "@rapport/contract";
import { IconArrowRight, IconHistory } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { EmptyState } from "../../../platform/feedback/EmptyState";
import { ErrorState } from "../../../platform/feedback/ErrorState";
import { TableSkeleton } from "../../../platform/feedback/TableSkeleton";
import { formatDateTime, formatDateTimeShort } from "../../../platform/format/date";
import { humanise } from "../../../platform/format/humanise";
import { useEntityTypeLabels } from "../../../platform/modules/use-visible-modules";
import { describeAction } from "../../../platform/realtime/describe-event";
import { PageHeader } from "../../../platform/shell/PageHeader";
import { AuditValue } from "../components/AuditValue";
import { useAuditTrail } from "../queries/audit.queries";
import { settingsTexts } from "../settings.texts";

const texts = settingsTexts.audit;

export function AuditPage() {
  const [entityType, setEntityType] = useState<string | null>(null);
  const trail = useAuditTrail({ entityType: entityType ?? undefined });
  const labels = useEntityTypeLabels();
  const entries = useMemo(() => trail.data?.pages.flatMap((p) => p.items) ?? [], [trail.data]);

  // Known entity types from every module, plus any the trail itself contains.
  const options = useMemo(() => {
    const types = new Set([...Object.keys(labels), ...entries.map((e) => e.entityType)]);
    if (entityType) types.add(entityType);
    return [...types].map((t) => ({ value: t, label: labels[t] ?? humanise(t) })).sort((a, b) => a.label.localeCompare(b.label));
  }, [labels, entries, entityType]);

  return (
    <>
      <PageHeader title={settingsTexts.sections.audit} description={texts.description} context={settingsTexts.module} />
      <Group mb="md">
        <Select
          label={texts.filterLabel}
          placeholder={texts.filterPlaceholder}
          data={options}
          value={entityType}
          onChange={setEntityType}
          clearable
          searchable
          w={260}
        />
      </Group>
      {trail.isPending ? (
        <TableSkeleton rows={8} />
      ) : trail.isError ? (
        <ErrorState error={trail.error} onRetry={() => void trail.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyState icon={<IconHistory />} title={texts.emptyTitle} description={entityType ? texts.emptyFiltered : texts.empty} />
      ) : (
        <Stack>
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="xs" striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{texts.time}</Table.Th>
                  <Table.Th>{texts.actor}</Table.Th>
                  <Table.Th>{texts.action}</Table.Th>
                  <Table.Th>{texts.entityType}</Table.Th>
                  <Table.Th>{texts.entityId}</Table.Th>
                  <Table.Th>{texts.field}</Table.Th>
                  <Table.Th miw={200}>{texts.change}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((entry) => (
                  <AuditRow key={entry.id} entry={entry} labels={labels} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Center>
            {trail.hasNextPage ? (
              <Button variant="default" onClick={() => void trail.fetchNextPage()} loading={trail.isFetchingNextPage}>
                {settingsTexts.common.loadMore}
              </Button>
            ) : (
              <Text size="sm" c="dimmed">
                {settingsTexts.common.noMore}
              </Text>
            )}
          </Center>
        </Stack>
      )}
    </>
  );
}

function AuditRow({ entry, labels }: { entry: AuditEntry; labels: Record<string, string> }) {
  const actor =
    entry.actorName ?? (entry.actorType === "system" ? texts.system : entry.actorType === "api_key" ? texts.apiKey : texts.deletedActor);
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: "nowrap" }}>
        <Text size="sm" title={formatDateTime(entry.occurredAt)}>
          {formatDateTimeShort(entry.occurredAt)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: "nowrap" }}>
          {actor}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{describeAction(entry.action, entry.entityType, labels)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{labels[entry.entityType] ?? humanise(entry.entityType)}</Text>
      </Table.Td>
      <Table.Td>
        <Tooltip label={entry.entityId} openDelay={300}>
          <Text size="xs" ff="monospace" aria-label={entry.entityId} tabIndex={0} style={{ whiteSpace: "nowrap" }}>
            {/* UUIDv7 ids start with a timestamp, so the end tells entities apart. */}…{entry.entityId.slice(-8)}
          </Text>
        </Tooltip>
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace" c={entry.field ? undefined : "dimmed"}>
          {entry.field || texts.noValue}
        </Text>
      </Table.Td>
      <Table.Td>
        {isEmptyValue(entry.oldValue) && isEmptyValue(entry.newValue) ? (
          <Text size="sm" c="dimmed">
            {texts.noValue}
          </Text>
        ) : (
          <Group gap={6} wrap="nowrap" align="center">
            <VisuallyHidden>{texts.changedFrom}</VisuallyHidden>
            <AuditValue value={entry.oldValue} strike />
            <IconArrowRight size={14} aria-hidden style={{ flexShrink: 0 }} />
            <VisuallyHidden>{texts.changedTo}</VisuallyHidden>
            <AuditValue value={entry.newValue} />
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}
