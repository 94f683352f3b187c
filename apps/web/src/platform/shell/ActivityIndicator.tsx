import { ActionIcon, Badge, Group, Indicator, Popover, ScrollArea, Stack, Text } from "@mantine/core";
import { IconActivity } from "@tabler/icons-react";
import { formatRelativeTime } from "../format/date";
import { useEntityTypeLabels } from "../modules/use-visible-modules";
import { activityStore, type StreamStatus } from "../realtime/activity-store";
import { describeEvent } from "../realtime/describe-event";
import { realtimeTexts } from "../realtime/realtime.texts";
import { useActivity } from "../realtime/use-activity";

const statusColor: Record<StreamStatus, string> = {
  connecting: "gray",
  live: "teal",
  reconnecting: "yellow",
  offline: "red",
};

/** Header button: a dot when something happened, a popover with the latest realtime events. */
export function ActivityIndicator() {
  const { events, unseen, status } = useActivity();
  const labels = useEntityTypeLabels();
  const label = unseen > 0 ? `${realtimeTexts.indicator} (${realtimeTexts.unseen(unseen)})` : realtimeTexts.indicator;
  return (
    <Popover width={340} position="bottom-end" shadow="md" onOpen={() => activityStore.markSeen()} withinPortal>
      <Popover.Target>
        <Indicator disabled={unseen === 0} color="red" size={9} offset={6} processing={unseen > 0}>
          <ActionIcon variant="default" size="lg" aria-label={label}>
            <IconActivity size={18} aria-hidden />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown>
        <Group justify="space-between" mb="xs">
          <Text fw={600} size="sm">
            {realtimeTexts.title}
          </Text>
          <Badge size="sm" variant="dot" color={statusColor[status]}>
            {realtimeTexts.status[status]}
          </Badge>
        </Group>
        {events.length === 0 ? (
          <Text size="sm" c="dimmed">
            {realtimeTexts.empty}
          </Text>
        ) : (
          <ScrollArea.Autosize mah={320}>
            <Stack gap={6} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
              {events.slice(0, 20).map((event) => (
                <li key={event.id}>
                  <Group justify="space-between" wrap="nowrap" gap="xs">
                    <Text size="sm" truncate>
                      {describeEvent(event, labels)}
                    </Text>
                    <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                      {formatRelativeTime(event.occurredAt)}
                    </Text>
                  </Group>
                </li>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
