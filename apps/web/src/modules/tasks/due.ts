import type { Task } from "@rapport/contract";
import { formatDate, formatDateTime } from "../../platform/format/date";

/**
 * A due date from the form's date and optional time: a date alone is an all-day task; with a
 * time it is the instant of that wall-clock time in the browser's zone.
 */
export function dueFromInputs(date: string, time: string): { dueDate: string | null; dueAt: string | null } {
  if (!date) return { dueDate: null, dueAt: null };
  if (!time) return { dueDate: date, dueAt: null };
  const at = new Date(`${date}T${time}`);
  return Number.isNaN(at.getTime()) ? { dueDate: date, dueAt: null } : { dueDate: null, dueAt: at.toISOString() };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The form's date and time of a task (the time in the browser's zone). */
export function inputsFromDue(task: Pick<Task, "dueDate" | "dueAt">): { date: string; time: string } {
  if (task.dueDate) return { date: task.dueDate, time: "" };
  if (!task.dueAt) return { date: "", time: "" };
  const d = new Date(task.dueAt);
  return { date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, time: `${pad(d.getHours())}:${pad(d.getMinutes())}` };
}

/** "Mar 2, 2026" for all-day tasks (that calendar date, whatever the zone), date and time otherwise. */
export function dueLabel(task: Pick<Task, "dueDate" | "dueAt">): string | null {
  // Noon UTC keeps the calendar date in every browser zone.
  if (task.dueDate) return formatDate(new Date(`${task.dueDate}T12:00:00Z`));
  return task.dueAt ? formatDateTime(task.dueAt) : null;
}

/** Open and past its due time, or its date before `today` ('YYYY-MM-DD'). */
export function isOverdue(task: Pick<Task, "dueDate" | "dueAt" | "status">, today: string, now: number = Date.now()): boolean {
  if (task.status === "done") return false;
  if (task.dueDate) return task.dueDate < today;
  return task.dueAt ? Date.parse(task.dueAt) < now : false;
}

/** Today's date in the browser's zone, 'YYYY-MM-DD'. */
export function localToday(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
