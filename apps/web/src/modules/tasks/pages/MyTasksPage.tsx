import { Alert, Button, Group, Paper, SegmentedControl, Select, Skeleton, Stack, Text, Title } from "@mantine/core";
import { type MyTasks, type Task, taskEndpoints } from "@rapport/contract";
import { IconChecklist } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { apiCall } from "../../../platform/api/api-client";
import { useMe } from "../../../platform/auth/use-me";
import { usePermissions } from "../../../platform/auth/use-permissions";
import { EmptyState } from "../../../platform/feedback/EmptyState";
import { ErrorState } from "../../../platform/feedback/ErrorState";
import { PageHeader } from "../../../platform/shell/PageHeader";
import { useUserDirectory } from "../../records/queries/users.queries";
import { QuickAddTask } from "../components/QuickAddTask";
import { TaskEditModal } from "../components/TaskEditModal";
import { TaskRow } from "../components/TaskRow";
import { useMyTasks, useTaskList } from "../queries/tasks.queries";
import { tasksTexts } from "../tasks.texts";

type Status = "open" | "done" | "all";
const GROUPS = ["overdue", "dueToday", "upcoming", "noDate"] as const;

/**
 * My tasks: open tasks grouped overdue / today / upcoming / no date in the user's time zone.
 * Filters switch to a flat list of any status, and (for roles that see others' records) of
 * someone else's or everyone's tasks. `?task=<id>` opens a task (links from notifications).
 */
export function MyTasksPage() {
  const me = useMe();
  const { can } = usePermissions();
  const canEdit = can("records.write");
  const seesOthers = me.recordVisibility !== "own";
  const [params, setParams] = useSearchParams();
  const [status, setStatus] = useState<Status>("open");
  const [assignee, setAssignee] = useState<string>(me.user.id);
  const [editing, setEditing] = useState<Task | null>(null);
  const { active, nameOf } = useUserDirectory();

  const linkedTaskId = params.get("task");
  const linkedTask = useQuery({
    queryKey: ["tasks", "one", linkedTaskId],
    queryFn: ({ signal }) => apiCall(taskEndpoints.get, { params: { id: linkedTaskId as string }, signal }),
    enabled: linkedTaskId !== null,
  });
  useEffect(() => {
    if (linkedTask.data) setEditing(linkedTask.data);
  }, [linkedTask.data]);
  const closeEditor = () => {
    setEditing(null);
    if (linkedTaskId) setParams({}, { replace: true });
  };

  const grouped = status === "open" && assignee === me.user.id;
  return (
    <>
      <PageHeader title={tasksTexts.navLabel} description={tasksTexts.pageDescription} />
      <Stack gap="md">
        {canEdit && (
          <Paper withBorder radius="md" p="md">
            <QuickAddTask />
          </Paper>
        )}
        <Group gap="md" align="flex-end" role="group" aria-label={tasksTexts.filters.label}>
          <div>
            <Text size="sm" fw={500} mb={4} id="task-status-label">
              {tasksTexts.filters.status}
            </Text>
            <SegmentedControl
              aria-labelledby="task-status-label"
              value={status}
              onChange={(v) => setStatus(v as Status)}
              data={(["open", "done", "all"] as const).map((s) => ({ value: s, label: tasksTexts.filters.statuses[s] }))}
            />
          </div>
          {seesOthers && (
            <Select
              label={tasksTexts.filters.assignee}
              value={assignee}
              onChange={(v) => setAssignee(v ?? me.user.id)}
              allowDeselect={false}
              searchable
              data={[
                { value: me.user.id, label: tasksTexts.filters.me },
                { value: "*", label: tasksTexts.filters.everyone },
                ...active.filter((u) => u.id !== me.user.id).map((u) => ({ value: u.id, label: u.name })),
              ]}
              w={240}
            />
          )}
        </Group>
        {grouped ? (
          <GroupedTasks onEdit={setEditing} canEdit={canEdit} />
        ) : (
          <FilteredTasks
            status={status}
            assignee={assignee}
            onEdit={setEditing}
            canEdit={canEdit}
            nameOf={assignee === "*" ? nameOf : undefined}
          />
        )}
      </Stack>
      <TaskEditModal task={editing} onClose={closeEditor} />
    </>
  );
}

function GroupedTasks({ onEdit, canEdit }: { onEdit: (t: Task) => void; canEdit: boolean }) {
  const mine = useMyTasks();
  if (mine.isPending) return <Skeleton h={200} radius="md" />;
  if (mine.isError) return <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />;
  const data: MyTasks = mine.data;
  if (GROUPS.every((g) => data[g].length === 0)) {
    return <EmptyState icon={<IconChecklist />} title={tasksTexts.empty.title} description={tasksTexts.empty.body} />;
  }
  return (
    <Stack gap="md">
      {data.truncated && <Alert color="yellow">{tasksTexts.truncated}</Alert>}
      {GROUPS.filter((g) => data[g].length > 0).map((g) => (
        <Paper key={g} withBorder radius="md" p="md" component="section" aria-labelledby={`tasks-${g}`}>
          <Title order={3} size="h5" id={`tasks-${g}`} c={g === "overdue" ? "red" : undefined} mb={4}>
            {tasksTexts.groups[g]} ({data[g].length})
          </Title>
          {data[g].map((t) => (
            <TaskRow key={t.id} task={t} onEdit={onEdit} canEdit={canEdit} />
          ))}
        </Paper>
      ))}
    </Stack>
  );
}

function FilteredTasks({
  status,
  assignee,
  onEdit,
  canEdit,
  nameOf,
}: {
  status: Status;
  assignee: string;
  onEdit: (t: Task) => void;
  canEdit: boolean;
  nameOf: ((id: string) => string | undefined) | undefined;
}) {
  const filters = useMemo(() => {
    const f: Record<string, string> = {};
    if (status !== "all") f["filter[status][eq]"] = status;
    if (assignee !== "*") f["filter[assigneeId][eq]"] = assignee;
    return f;
  }, [status, assignee]);
  const list = useTaskList(filters, status === "done" ? "-completedAt" : "due");
  if (list.isPending) return <Skeleton h={200} radius="md" />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <EmptyState icon={<IconChecklist />} title={tasksTexts.emptyFiltered} />;
  return (
    <Paper withBorder radius="md" p="md">
      {items.map((t) => (
        <TaskRow key={t.id} task={t} onEdit={onEdit} canEdit={canEdit} assigneeName={nameOf?.(t.assigneeId)} />
      ))}
      {list.hasNextPage && (
        <Button variant="subtle" mt="sm" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {tasksTexts.loadMore}
        </Button>
      )}
    </Paper>
  );
}
