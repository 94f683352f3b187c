import { Badge, Group, Stack, Text, Timeline } from "@mantine/core";
import { ErrorState } from "../../../platform/feedback/ErrorState";
import { formatDateTime } from "../../../platform/format/date";
import { formatMoney } from "../../../platform/format/number";
import { dealsTexts } from "../deals.texts";
import { useDealHistory } from "../queries/deals.queries";

const texts = dealsTexts.history;

/** The stages the deal went through (newest first), and what changed with each snapshot. */
export function StageHistory({ dealId }: { dealId: string }) {
  const history = useDealHistory(dealId);
  if (history.isPending)
    return (
      <Text size="sm" c="dimmed">
        {dealsTexts.common.loading}
      </Text>
    );
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  const periods = [...history.data.stages].reverse();
  const snapshots = [...history.data.snapshots].reverse().filter((s) => s.changed.some((c) => c !== "stage"));
  if (periods.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {texts.empty}
      </Text>
    );
  return (
    <Stack gap="md">
      <Timeline active={0} bulletSize={14} lineWidth={2} aria-label={texts.title}>
        {periods.map((p) => (
          <Timeline.Item
            key={`${p.stageId}-${p.enteredAt}`}
            title={
              <Text size="sm" fw={500}>
                {p.stageName}
              </Text>
            }
          >
            <Text size="xs" c="dimmed">
              {p.leftAt
                ? texts.between(formatDateTime(p.enteredAt), formatDateTime(p.leftAt))
                : `${texts.since(formatDateTime(p.enteredAt))} · ${texts.current}`}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
      {snapshots.length > 0 && (
        <Stack gap={4}>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase">
            {texts.changes}
          </Text>
          {snapshots.slice(0, 10).map((s) => (
            <Group key={s.recordedAt} gap={6} wrap="wrap">
              <Text size="xs" c="dimmed">
                {formatDateTime(s.recordedAt)}
              </Text>
              {s.changed
                .filter((c) => c !== "stage")
                .map((c) => (
                  <Badge key={c} size="xs" variant="light" color="gray">
                    {texts.changed[c] ?? c}
                  </Badge>
                ))}
              <Text size="xs">
                {formatMoney(s.amountMinor, s.currency)} · {s.probability} %
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
