import ical, { ICalEventStatus } from "ical-generator";

export type FeedTask = {
  id: string;
  title: string;
  notes: string | null;
  dueDate: string | null;
  dueAt: Date | null;
  priority: string;
  /** The linked record's name when the feed's owner may see it. */
  linkedName: string | null;
  revision: number;
  updatedAt: Date;
};

const TIMED_MINUTES = 30;
const PRIORITY: Record<string, number> = { urgent: 1, high: 3, normal: 5, low: 9 };

/**
 * The iCalendar document of a user's open tasks: all-day tasks as DATE events, timed ones in
 * UTC lasting half an hour. UIDs stay the same for a task's whole life and SEQUENCE grows with
 * every change, so subscribed calendars update events instead of duplicating them.
 */
export function renderCalendarFeed(opts: { name: string; timeZone: string; tasks: FeedTask[] }): string {
  const cal = ical({
    name: opts.name,
    prodId: { company: "Rapport", product: "Tasks", language: "EN" },
    // Calendar programs poll at their own pace; this asks for at most every 15 minutes.
    ttl: 15 * 60,
    timezone: null,
  });
  cal.x([{ key: "X-WR-TIMEZONE", value: opts.timeZone }]);
  for (const t of opts.tasks) {
    const common = {
      id: `task-${t.id}@rapport`,
      summary: t.title,
      description: [t.linkedName ? `About: ${t.linkedName}` : null, t.notes].filter(Boolean).join("\n\n") || null,
      stamp: t.updatedAt,
      lastModified: t.updatedAt,
      sequence: t.revision,
      status: ICalEventStatus.CONFIRMED,
      priority: PRIORITY[t.priority] ?? 5,
    };
    if (t.dueDate) {
      const start = new Date(`${t.dueDate}T00:00:00Z`);
      cal.createEvent({ ...common, start, end: new Date(start.getTime() + 86_400_000), allDay: true });
    } else if (t.dueAt) {
      cal.createEvent({ ...common, start: t.dueAt, end: new Date(t.dueAt.getTime() + TIMED_MINUTES * 60_000) });
    }
  }
  return cal.toString();
}
