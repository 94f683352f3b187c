import { Badge, Group, List, Paper, Skeleton, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconCircle, IconCircleCheck, IconCircleDashed, IconCircleX } from "@tabler/icons-react";
import { ErrorState } from "../../../platform/feedback/ErrorState";
import { formatDate } from "../../../platform/format/date";
import { playbooksTexts } from "../playbooks.texts";
import { useDealPlaybook } from "../queries/playbooks.queries";
import { GuidanceView } from "./GuidanceView";

const texts = playbooksTexts.deal;
const ICONS = {
  done: { icon: IconCircleCheck, color: "teal" },
  open: { icon: IconCircle, color: "blue" },
  deleted: { icon: IconCircleX, color: "gray" },
  none: { icon: IconCircleDashed, color: "gray" },
} as const;

/**
 * The playbook of a deal's current stage: its region's guidance and the checklist of steps
 * with the status of the task each one created. Made for the deal page; also shown on its
 * own route (/playbooks/deal/:id).
 */
export function DealPlaybookPanel({ dealId }: { dealId: string }) {
  const q = useDealPlaybook(dealId);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`playbook-${dealId}`}>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4" id={`playbook-${dealId}`}>
          {texts.title}
        </Title>
        {q.data?.playbook && (
          <Badge variant="light">{q.data.playbook.variant ? texts.variant(q.data.playbook.variant.name) : texts.global}</Badge>
        )}
      </Group>
      {q.isPending ? (
        <Stack gap="xs">
          <Skeleton h={16} />
          <Skeleton h={16} w="70%" />
        </Stack>
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : !q.data.playbook ? (
        <Text size="sm" c="dimmed">
          {texts.none}
        </Text>
      ) : (
        <Stack gap="sm">
          <GuidanceView html={q.data.playbook.guidance} />
          {q.data.playbook.steps.length === 0 && !q.data.playbook.guidance && (
            <Text size="sm" c="dimmed">
              {texts.noStage}
            </Text>
          )}
          <List spacing="xs" listStyleType="none" aria-label={playbooksTexts.stage.steps}>
            {q.data.playbook.steps.map((s) => {
              const status = s.task?.status ?? "none";
              const { icon: Icon, color } = ICONS[status];
              return (
                <List.Item
                  key={s.key}
                  data-step={s.key}
                  icon={
                    <ThemeIcon color={color} variant="light" radius="xl" size="sm">
                      <Icon size={14} aria-hidden />
                    </ThemeIcon>
                  }
                >
                  <Group gap="xs" wrap="wrap">
                    <Text size="sm" fw={500} td={status === "done" ? "line-through" : undefined}>
                      {s.title}
                    </Text>
                    <Badge size="xs" variant="outline" color={color}>
                      {status === "none" ? texts.noTask : texts.taskStatus[status]}
                    </Badge>
                    {s.task?.dueDate && status === "open" && (
                      <Text size="xs" c="dimmed">
                        {texts.due(formatDate(s.task.dueDate))}
                      </Text>
                    )}
                    {s.origin !== "global" && (
                      <Text size="xs" c="dimmed">
                        {playbooksTexts.origin[s.origin]}
                      </Text>
                    )}
                  </Group>
                  {s.description && (
                    <Text size="xs" c="dimmed">
                      {s.description}
                    </Text>
                  )}
                </List.Item>
              );
            })}
          </List>
        </Stack>
      )}
    </Paper>
  );
}
