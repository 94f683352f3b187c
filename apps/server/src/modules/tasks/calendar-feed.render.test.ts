import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { type FeedTask, renderCalendarFeed } from "./calendar-feed.render.js";

const base: FeedTask = {
  id: "01900000-0000-7000-8000-000000000001",
  title: "Call Ada",
  notes: null,
  dueDate: null,
  dueAt: null,
  priority: "normal",
  linkedName: null,
  revision: 0,
  updatedAt: new Date("2026-03-01T08:00:00Z"),
};

/** Parses with ical.js, a separate implementation from the generator. */
function parse(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  return comp.getAllSubcomponents("vevent").map((v) => ({ v, e: new ICAL.Event(v) }));
}

describe("renderCalendarFeed", () => {
  it("renders all-day tasks as DATE events and timed ones in UTC, with stable UIDs and sequences", () => {
    const text = renderCalendarFeed({
      name: "Tasks of Ada",
      timeZone: "Europe/Berlin",
      tasks: [
        { ...base, dueDate: "2026-03-29", revision: 3 },
        { ...base, id: "01900000-0000-7000-8000-000000000002", title: "Send offer", dueAt: new Date("2026-03-30T13:15:00Z") },
      ],
    });
    expect(text).toContain("BEGIN:VCALENDAR");
    expect(text).toContain("DTSTART;VALUE=DATE:20260329");
    expect(text).toContain("DTSTART:20260330T131500Z");
    const events = parse(text);
    expect(events).toHaveLength(2);
    const [allDay, timed] = events;
    expect(allDay?.e.uid).toBe(`task-${base.id}@rapport`);
    expect(allDay?.e.startDate.isDate).toBe(true);
    expect(allDay?.e.startDate.toString()).toBe("2026-03-29");
    expect(allDay?.e.endDate.toString()).toBe("2026-03-30");
    expect(allDay?.e.sequence).toBe(3);
    expect(allDay?.v.getFirstPropertyValue("dtstamp")?.toString()).toBe("2026-03-01T08:00:00Z");
    expect(allDay?.v.getFirstPropertyValue("last-modified")?.toString()).toBe("2026-03-01T08:00:00Z");
    expect(timed?.e.startDate.isDate).toBe(false);
    expect(timed?.e.startDate.toJSDate().toISOString()).toBe("2026-03-30T13:15:00.000Z");
    expect(timed?.e.summary).toBe("Send offer");
  });

  it("escapes text and folds long lines so the document still parses to the same text", () => {
    const title = "Quote; a, b\\c — ünïcödé ".repeat(6).trim();
    const notes = "Line one\nLine two, with; separators";
    const text = renderCalendarFeed({
      name: "x",
      timeZone: "UTC",
      tasks: [{ ...base, title, notes, linkedName: "Ada Lovelace", dueDate: "2026-01-02" }],
    });
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text).toContain("\\;");
    expect(text).toContain("\\,");
    const [ev] = parse(text);
    expect(ev?.e.summary).toBe(title);
    expect(ev?.e.description).toBe(`About: Ada Lovelace\n\n${notes}`);
  });

  it("leaves out tasks without a due date and renders an empty calendar", () => {
    const text = renderCalendarFeed({ name: "x", timeZone: "UTC", tasks: [base] });
    expect(parse(text)).toHaveLength(0);
    expect(text).toContain("END:VCALENDAR");
  });
});
