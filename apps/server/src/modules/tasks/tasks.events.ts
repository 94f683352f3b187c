/**
 * The events of tasks. `task.completed` is what other modules (playbooks: the next step when
 * a task completes) build on: its payload is stable.
 */
export const TASK_EVENTS = {
  created: "task.created",
  updated: "task.updated",
  completed: "task.completed",
  reopened: "task.reopened",
  deleted: "task.deleted",
} as const;

export type TaskCompletedPayload = {
  taskId: string;
  assigneeId: string;
  linkedType: string | null;
  linkedId: string | null;
  sourceType: string | null;
  sourceId: string | null;
  /** For realtime visibility: the creator also sees the task. */
  creatorId: string | null;
};
