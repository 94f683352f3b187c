import { Anchor, Badge, Checkbox, Group, Text, UnstyledButton } from "@mantine/core";
import type { Task } from "@rapport/contract";
import { Link } from "react-router";
import { useEntityPath } from "../../../platform/modules/use-visible-modules";
import { dueLabel, isOverdue, localToday } from "../due";
import { useSetTaskDone } from "../queries/tasks.queries";
import { tasksTexts } from "../tasks.texts";

const PRIORITY_COLOR = { low: "gray", normal: "blue", high: "orange", urgent: "red" } as const;

/**
 * One task: a checkbox to complete or reopen it (Space toggles it; the list updates before
 * the server answers), its title opening the editor, due date, priority and linked record.
 */
export function TaskRow({
  task,
  onEdit,
  canEdit,
  showLinked = true,
  assigneeName,
}: {
  task: Task;
  onEdit: (task: Task) => void;
  canEdit: boolean;
  showLinked?: boolean;
  assigneeName?: string | undefined;
}) {
  const setDone = useSetTaskDone();
  const pathOf = useEntityPath();
  const done = task.status === "done";
  const overdue = isOverdue(task, localToday());
  const due = dueLabel(task);
  const linkedPath = task.linked ? pathOf(task.linked.type, task.linked.id) : undefined;
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" py={6} data-testid="task-row">
      <Checkbox
        mt={2}
        checked={done}
        disabled={!canEdit}
        onChange={(e) => setDone.mutate({ id: task.id, done: e.currentTarget.checked })}
        aria-label={done ? tasksTexts.row.reopen(task.title) : tasksTexts.row.complete(task.title)}
      />
      <div style={{ minWidth: 0, flex: 1 }}>
        <UnstyledButton onClick={() => onEdit(task)} aria-label={tasksTexts.row.edit(task.title)} disabled={!canEdit}>
          <Text
            size="sm"
            fw={500}
            td={done ? "line-through" : undefined}
            c={done ? "dimmed" : undefined}
            style={{ overflowWrap: "anywhere" }}
          >
            {task.title}
          </Text>
        </UnstyledButton>
        <Group gap={8} wrap="wrap">
          {due && (
            <Text size="xs" c={overdue ? "red" : "dimmed"}>
              {due}
              {overdue ? ` · ${tasksTexts.row.overdue}` : ""}
            </Text>
          )}
          {showLinked && task.linked?.name && (
            <Text size="xs" c="dimmed">
              {linkedPath ? (
                <Anchor component={Link} to={linkedPath} size="xs">
                  {task.linked.name}
                </Anchor>
              ) : (
                task.linked.name
              )}
            </Text>
          )}
          {assigneeName && (
            <Text size="xs" c="dimmed">
              {tasksTexts.row.assignedTo(assigneeName)}
            </Text>
          )}
        </Group>
      </div>
      {task.priority !== "normal" && (
        <Badge size="xs" variant="light" color={PRIORITY_COLOR[task.priority]}>
          {tasksTexts.priority[task.priority]}
        </Badge>
      )}
    </Group>
  );
}
