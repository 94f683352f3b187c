import { ActionIcon, Button, Center, Chip, Divider, Group, Menu, Skeleton, Stack, Text, ThemeIcon, Tooltip } from "@mantine/core";
import type { Interaction } from "@rapport/contract";
import { IconDots, IconMessages, IconTrash } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { usePermissions } from "../../../platform/auth/use-permissions";
import { ConfirmDialog } from "../../../platform/feedback/ConfirmDialog";
import { EmptyState } from "../../../platform/feedback/EmptyState";
import { ErrorState } from "../../../platform/feedback/ErrorState";
import { notifySuccess } from "../../../platform/feedback/notify";
import { formatDateTime, formatRelativeTime } from "../../../platform/format/date";
import { useRecordSummary } from "../queries/records.queries";
import { useDeleteInteraction, useTimeline } from "../queries/timeline.queries";
import { useUserDirectory } from "../queries/users.queries";
import type { RecordPanelProps } from "../record-panels";
import { recordsTexts } from "../records.texts";
import { Composer, partiesOf } from "./Composer";
import { InteractionBody } from "./InteractionBody";
import { interactionLabel, lookOf } from "./interaction-types";
import classes from "./Timeline.module.css";
import { formatDuration } from "./time-input";

const texts = recordsTexts.timeline;
const COMPOSER_TYPES = ["note", "call", "meeting"];

/** The record's interactions on every channel, newest first, with a composer on top and channel filters. */
export function TimelinePanel({ entityType, recordId, record, canEdit }: RecordPanelProps) {
  const [types, setTypes] = useState<string[]>([]);
  const timeline = useTimeline(entityType, recordId, types);
  const summary = useRecordSummary(entityType, recordId);
  const items = useMemo(() => timeline.data?.pages.flatMap((p) => p.items) ?? [], [timeline.data]);
  const counts = summary.data?.interactionsByType ?? {};
  const channels = [...new Set([...Object.keys(counts), ...types])].sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0));

  return (
    <Stack gap="sm">
      {canEdit && (
        <>
          <Composer parties={partiesOf(record)} />
          <Divider />
        </>
      )}
      {channels.length > 0 && (
        <Group gap={6} wrap="wrap" role="group" aria-label={texts.filterLabel}>
          <Chip size="xs" checked={types.length === 0} onChange={() => setTypes([])} variant="light">
            {texts.all}
          </Chip>
          <Chip.Group multiple value={types} onChange={setTypes}>
            {channels.map((channel) => (
              <Chip key={channel} value={channel} size="xs" variant="light">
                {interactionLabel(channel, counts[channel] ?? 0)}
              </Chip>
            ))}
          </Chip.Group>
        </Group>
      )}
      {timeline.isPending ? (
        <Stack gap="sm" aria-busy="true" aria-label={recordsTexts.common.loading}>
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} height={56} />
          ))}
        </Stack>
      ) : timeline.isError ? (
        <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          icon={<IconMessages />}
          title={types.length > 0 ? texts.emptyFilteredTitle : texts.emptyTitle}
          description={types.length > 0 ? texts.emptyFiltered : canEdit ? texts.empty : texts.emptyReadOnly}
        />
      ) : (
        <>
          <ol className={classes.list} aria-label={texts.listLabel}>
            {items.map((item) => (
              <TimelineItem key={item.id} item={item} />
            ))}
          </ol>
          <Center>
            {timeline.hasNextPage ? (
              <Button variant="default" size="xs" onClick={() => void timeline.fetchNextPage()} loading={timeline.isFetchingNextPage}>
                {recordsTexts.common.loadMore}
              </Button>
            ) : (
              <Text size="xs" c="dimmed">
                {texts.end}
              </Text>
            )}
          </Center>
        </>
      )}
    </Stack>
  );
}

function TimelineItem({ item }: { item: Interaction }) {
  const { nameOf } = useUserDirectory();
  const { can } = usePermissions();
  const remove = useDeleteInteraction();
  const [confirm, setConfirm] = useState(false);
  const { icon: Icon, color } = lookOf(item.type);
  const author = nameOf(item.authorId);
  const meta = [
    interactionLabel(item.type),
    item.direction ? texts.direction[item.direction] : null,
    item.type === "meeting" && item.endsAt ? texts.until(formatDateTime(item.endsAt)) : null,
    item.durationSeconds !== null && item.type !== "meeting" ? formatDuration(item.durationSeconds) : null,
    item.outcome,
    item.location,
    item.attendeeIds.length > 0
      ? texts.attendees(item.attendeeIds.map((id) => nameOf(id) ?? recordsTexts.common.unknownUser).join(", "))
      : null,
    author ? texts.by(author) : null,
  ].filter(Boolean);
  const title = item.subject ?? (COMPOSER_TYPES.includes(item.type) && item.type !== "note" ? interactionLabel(item.type) : null);

  return (
    <li className={classes.item}>
      <ThemeIcon variant="light" color={color} radius="xl" size={30} className={classes.icon} aria-hidden>
        <Icon size={16} />
      </ThemeIcon>
      <div className={classes.content}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <div style={{ minWidth: 0 }}>
            {title && (
              <Text size="sm" fw={600} style={{ overflowWrap: "anywhere" }}>
                {title}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {meta.join(" · ")}
            </Text>
          </div>
          <Group gap={2} wrap="nowrap">
            <Tooltip label={formatDateTime(item.occurredAt)}>
              <Text size="xs" c="dimmed" component="time" dateTime={item.occurredAt} style={{ whiteSpace: "nowrap" }} tabIndex={0}>
                {formatRelativeTime(item.occurredAt)}
              </Text>
            </Tooltip>
            {can("records.write") && (
              <Menu position="bottom-end" withinPortal shadow="md">
                <Menu.Target>
                  <ActionIcon variant="subtle" color="gray" size="sm" aria-label={texts.actions(title ?? interactionLabel(item.type))}>
                    <IconDots size={14} aria-hidden />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => setConfirm(true)}>
                    {texts.delete}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            )}
          </Group>
        </Group>
        {item.body && <InteractionBody body={item.body} />}
      </div>
      <ConfirmDialog
        opened={confirm}
        title={texts.confirmDeleteTitle}
        message={texts.confirmDelete}
        confirmLabel={texts.delete}
        loading={remove.isPending}
        onClose={() => setConfirm(false)}
        onConfirm={() =>
          remove.mutate(item.id, {
            onSuccess: () => {
              notifySuccess(texts.deleted);
              setConfirm(false);
            },
          })
        }
      />
    </li>
  );
}
