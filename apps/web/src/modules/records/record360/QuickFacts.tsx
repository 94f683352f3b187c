import { Badge, Group, Text, Tooltip } from "@mantine/core";
import { IconClock, IconFileText, IconUsers } from "@tabler/icons-react";
import { formatDateTime, formatRelativeTime } from "../../../platform/format/date";
import { useRecordSummary } from "../queries/records.queries";
import { type CustomerRecord, isContact, type RecordType } from "../record-types";
import { recordsTexts } from "../records.texts";
import { interactionLabel, lookOf } from "../timeline/interaction-types";

const texts = recordsTexts.facts;

/** Last interaction, interactions per channel, documents (and people of a company), from /summary. */
export function QuickFacts({ type, record }: { type: RecordType; record: CustomerRecord }) {
  const summary = useRecordSummary(type, record.id);
  const data = summary.data;
  const last = data?.lastInteractionAt ?? record.lastInteractionAt;
  const byType = Object.entries(data?.interactionsByType ?? {}).sort((a, b) => b[1] - a[1]);
  return (
    <Group gap="md" wrap="wrap" mt={4} role="list" aria-label={texts.label}>
      <Group gap={6} wrap="nowrap" role="listitem">
        <IconClock size={15} aria-hidden style={{ color: "var(--mantine-color-dimmed)" }} />
        <Text size="sm" c="dimmed">
          {texts.lastInteraction}
        </Text>
        {last ? (
          <Tooltip label={formatDateTime(last)}>
            <Text size="sm" fw={500} tabIndex={0}>
              {formatRelativeTime(last)}
            </Text>
          </Tooltip>
        ) : (
          <Text size="sm">{texts.never}</Text>
        )}
      </Group>
      {data?.interactionCount !== undefined && (
        <Group gap={6} wrap="wrap" role="listitem" aria-label={texts.interactions(data.interactionCount)}>
          <Text size="sm" c="dimmed">
            {texts.interactions(data.interactionCount)}
          </Text>
          {byType.map(([channel, n]) => {
            const { icon: Icon, color } = lookOf(channel);
            return (
              <Badge key={channel} variant="light" color={color} radius="sm" leftSection={<Icon size={12} aria-hidden />}>
                {interactionLabel(channel, n)}
              </Badge>
            );
          })}
        </Group>
      )}
      {data?.documentCount !== undefined && (
        <Group gap={6} wrap="nowrap" role="listitem">
          <IconFileText size={15} aria-hidden style={{ color: "var(--mantine-color-dimmed)" }} />
          <Text size="sm">{texts.documents(data.documentCount)}</Text>
        </Group>
      )}
      {!isContact(record) && (
        <Group gap={6} wrap="nowrap" role="listitem">
          <IconUsers size={15} aria-hidden style={{ color: "var(--mantine-color-dimmed)" }} />
          <Text size="sm">{texts.people(record.peopleCount)}</Text>
        </Group>
      )}
    </Group>
  );
}
