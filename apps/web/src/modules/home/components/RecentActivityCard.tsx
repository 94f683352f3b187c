import { Anchor, Card, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { usePermissions } from "../../../platform/auth/use-permissions";
import { ErrorState } from "../../../platform/feedback/ErrorState";
import { formatRelativeTime } from "../../../platform/format/date";
import { useEntityTypeLabels } from "../../../platform/modules/use-visible-modules";
import { describeAction, describeEvent } from "../../../platform/realtime/describe-event";
import { useActivity } from "../../../platform/realtime/use-activity";
import { homeTexts } from "../home.texts";
import { type RecentChange, useRecentChanges } from "../recent-audit.query";

const texts = homeTexts.activity;

type Line = { id: string; text: string; actor: string | null; at: string };

/** The audit trail's latest events for users who may read it; otherwise what the live stream brought. */
export function RecentActivityCard() {
  const { can } = usePermissions();
  const mayReadAudit = can("audit.read");
  const changes = useRecentChanges(mayReadAudit);
  const { events } = useActivity();
  const labels = useEntityTypeLabels();

  const lines: Line[] = mayReadAudit
    ? (changes.data ?? []).map((c) => ({
        id: c.eventId,
        text: describeChange(c, labels),
        actor: actorOf(c),
        at: c.occurredAt,
      }))
    : events.slice(0, 8).map((e) => ({ id: e.id, text: describeEvent(e, labels), actor: null, at: e.occurredAt }));

  return (
    <Card withBorder radius="md" padding="lg" h="100%">
      <Group justify="space-between" mb={4}>
        <Title order={3} size="h4">
          {texts.title}
        </Title>
        {mayReadAudit && (
          <Anchor component={Link} to="/settings/audit" size="sm">
            {texts.openAudit}
          </Anchor>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {mayReadAudit ? texts.fromAudit : texts.live}
      </Text>
      {mayReadAudit && changes.isPending ? (
        <Stack gap="xs">
          <Skeleton h={20} />
          <Skeleton h={20} />
          <Skeleton h={20} />
        </Stack>
      ) : mayReadAudit && changes.isError ? (
        <ErrorState error={changes.error} onRetry={() => void changes.refetch()} />
      ) : lines.length === 0 ? (
        <Text size="sm" c="dimmed">
          {texts.empty}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {lines.map((line) => (
            <Group key={line.id} component="li" justify="space-between" wrap="nowrap" gap="sm">
              <Text size="sm" truncate>
                {line.text}
                {line.actor && (
                  <Text span c="dimmed" size="sm">
                    {" "}
                    {texts.by(line.actor)}
                  </Text>
                )}
              </Text>
              <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                {formatRelativeTime(line.at)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}

function describeChange(change: RecentChange, labels: Record<string, string>): string {
  const text = describeAction(change.action, change.entityType, labels);
  return change.entityName ? texts.named(text, change.entityName) : text;
}

function actorOf(change: RecentChange): string {
  if (change.actorName) return change.actorName;
  return change.actorType === "api_key" ? texts.apiKey : texts.system;
}
