import { Badge } from "@mantine/core";
import { useMyTaskCounts } from "../queries/tasks.queries";
import { tasksTexts } from "../tasks.texts";

/** The navbar count of my overdue tasks; nothing when there are none. */
export function OverdueBadge() {
  const counts = useMyTaskCounts();
  const n = counts.data?.overdue ?? 0;
  if (n === 0) return null;
  return (
    <Badge size="sm" color="red" variant="filled" circle={n < 10} aria-label={tasksTexts.overdueBadge(n)}>
      {n > 99 ? "99+" : n}
    </Badge>
  );
}
