import { DateTime } from "luxon";

/**
 * "Today" of a user: the local calendar date in their time zone and the instants its day
 * starts and ends (23 or 25 hours long on daylight-saving changes).
 */
export type DayBounds = { today: string; start: Date; end: Date };

export function dayBounds(now: Date, timeZone: string): DayBounds {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  if (!local.isValid) throw new Error(`unknown time zone ${timeZone}`);
  const start = local.startOf("day");
  return { today: start.toISODate() as string, start: start.toJSDate(), end: start.plus({ days: 1 }).toJSDate() };
}

export type DueGroup = "overdue" | "dueToday" | "upcoming" | "noDate";
export type Due = { dueDate: string | null; dueAt: Date | null };

/**
 * Where an open task belongs on "My tasks". An all-day task is overdue from the day after
 * its date; a timed one as soon as its time has passed, even earlier today.
 */
export function dueGroup(due: Due, now: Date, day: DayBounds): DueGroup {
  if (due.dueDate) return due.dueDate < day.today ? "overdue" : due.dueDate === day.today ? "dueToday" : "upcoming";
  if (due.dueAt) return due.dueAt < now ? "overdue" : due.dueAt < day.end ? "dueToday" : "upcoming";
  return "noDate";
}

/** Splits tasks (in due order) into the groups of "My tasks", keeping their order. */
export function groupByDue<T>(tasks: T[], dueOf: (t: T) => Due, now: Date, day: DayBounds): Record<DueGroup, T[]> {
  const groups: Record<DueGroup, T[]> = { overdue: [], dueToday: [], upcoming: [], noDate: [] };
  for (const t of tasks) groups[dueGroup(dueOf(t), now, day)].push(t);
  return groups;
}
