import type { Task, TaskPriority, TaskStatus } from "@rapport/contract";
import type { TaskRow } from "./tasks.repository.js";

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** `linkedNames` holds the names of linked records the viewer may see, by "type:id". */
export function presentTask(t: TaskRow, linkedNames: Map<string, string>): Task {
  return {
    id: t.id,
    title: t.title,
    notes: t.notes,
    dueDate: t.due_on,
    dueAt: iso(t.due_at),
    allDay: t.due_on !== null,
    priority: t.priority as TaskPriority,
    status: t.status as TaskStatus,
    completedAt: iso(t.completed_at),
    assigneeId: t.assignee_id,
    creatorId: t.creator_id,
    linked:
      t.linked_type && t.linked_id
        ? { type: t.linked_type, id: t.linked_id, name: linkedNames.get(`${t.linked_type}:${t.linked_id}`) ?? null }
        : null,
    source: t.source_type && t.source_id ? { type: t.source_type, id: t.source_id } : null,
    remindAt: iso(t.remind_at),
    createdAt: iso(t.created_at) as string,
    updatedAt: iso(t.updated_at) as string,
  };
}

/** The audited fields of a task (events and the audit trail): no names of linked records. */
export function taskSnapshot(t: TaskRow) {
  return {
    title: t.title,
    notes: t.notes,
    dueDate: t.due_on,
    dueAt: iso(t.due_at),
    priority: t.priority,
    status: t.status,
    assigneeId: t.assignee_id,
    linkedType: t.linked_type,
    linkedId: t.linked_id,
    remindAt: iso(t.remind_at),
  };
}
