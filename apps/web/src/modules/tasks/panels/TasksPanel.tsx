import { Button, Skeleton, Stack, Text } from "@mantine/core";
import type { Task } from "@rapport/contract";
import { useMemo, useState } from "react";
import { ErrorState } from "../../../platform/feedback/ErrorState";
import type { RecordPanelProps } from "../../records/record-panels";
import { QuickAddTask } from "../components/QuickAddTask";
import { TaskEditModal } from "../components/TaskEditModal";
import { TaskRow } from "../components/TaskRow";
import { useTaskList } from "../queries/tasks.queries";
import { tasksTexts } from "../tasks.texts";

/** The open tasks about this person or company (the ones the user may see), with add and complete. */
export function TasksPanel({ entityType, recordId, canEdit }: RecordPanelProps) {
  const filters = useMemo(
    () => ({ "filter[linkedType][eq]": entityType, "filter[linkedId][eq]": recordId, "filter[status][eq]": "open" }),
    [entityType, recordId],
  );
  const list = useTaskList(filters);
  const [editing, setEditing] = useState<Task | null>(null);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="xs">
      {list.isPending ? (
        <Skeleton h={40} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {tasksTexts.panel.none}
        </Text>
      ) : (
        <div>
          {items.map((t) => (
            <TaskRow key={t.id} task={t} onEdit={setEditing} canEdit={canEdit} showLinked={false} />
          ))}
          {list.hasNextPage && (
            <Button variant="subtle" size="xs" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {tasksTexts.loadMore}
            </Button>
          )}
        </div>
      )}
      {canEdit && <QuickAddTask linked={{ type: entityType, id: recordId }} compact />}
      <TaskEditModal task={editing} onClose={() => setEditing(null)} />
    </Stack>
  );
}
