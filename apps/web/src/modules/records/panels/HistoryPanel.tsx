import { Button, Center, Stack, Text, Tooltip } from "@mantine/core";
import { useMemo } from "react";
import { ErrorState } from "../../../platform/feedback/ErrorState";
import { formatDateTime, formatRelativeTime } from "../../../platform/format/date";
import { humanise } from "../../../platform/format/humanise";
import { useEntityTypeLabels } from "../../../platform/modules/use-visible-modules";
import { describeAction } from "../../../platform/realtime/describe-event";
import { useRecordHistory } from "../queries/history.queries";
import type { RecordPanelProps } from "../record-panels";
import { recordsTexts } from "../records.texts";
import { groupByEvent, summariseValue } from "./history";
import classes from "./Panels.module.css";

const texts = recordsTexts.history;

/** Who changed what on this record and when (the audit trail of the record; needs audit.read). */
export function HistoryPanel({ recordId }: RecordPanelProps) {
  const history = useRecordHistory(recordId, true);
  const labels = useEntityTypeLabels();
  const groups = useMemo(() => groupByEvent(history.data?.pages.flatMap((p) => p.items) ?? []), [history.data]);
  if (history.isPending)
    return (
      <Text size="sm" c="dimmed">
        {recordsTexts.common.loading}
      </Text>
    );
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  if (groups.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {texts.none}
      </Text>
    );
  return (
    <Stack gap="xs">
      <ul className={classes.list} aria-label={texts.listLabel}>
        {groups.map((group) => (
          <li key={group.eventId} style={{ padding: "4px 0" }}>
            <Text size="sm">
              <Text span fw={500} size="sm">
                {group.actorName ?? (group.actorType === "system" ? texts.system : texts.integration)}
              </Text>{" "}
              <Text span size="sm" c="dimmed">
                {texts.action(group.action, (a) => describeAction(a, "", labels).toLocaleLowerCase())}
              </Text>{" "}
              <Tooltip label={formatDateTime(group.occurredAt)}>
                <Text span size="xs" c="dimmed" tabIndex={0}>
                  · {formatRelativeTime(group.occurredAt)}
                </Text>
              </Tooltip>
            </Text>
            {group.entries.slice(0, 8).map((entry) => (
              <Text key={entry.id} size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
                {texts.fieldLabel(entry.field, humanise)}: <s>{summariseValue(entry.oldValue)}</s> → {summariseValue(entry.newValue)}
              </Text>
            ))}
            {group.entries.length > 8 && (
              <Text size="xs" c="dimmed">
                {texts.more(group.entries.length - 8)}
              </Text>
            )}
          </li>
        ))}
      </ul>
      {history.hasNextPage && (
        <Center>
          <Button variant="default" size="xs" onClick={() => void history.fetchNextPage()} loading={history.isFetchingNextPage}>
            {recordsTexts.common.loadMore}
          </Button>
        </Center>
      )}
    </Stack>
  );
}
