import { describe, expect, it } from "vitest";
import { dayBounds, dueGroup, groupByDue } from "./due-groups.rules.js";

const at = (iso: string) => new Date(iso);

describe("dayBounds", () => {
  it("is the local date of the time zone, not of UTC", () => {
    // 23:30 UTC on 1 March is already 2 March in Berlin and still 1 March in New York.
    const now = at("2026-03-01T23:30:00Z");
    expect(dayBounds(now, "Europe/Berlin")).toEqual({
      today: "2026-03-02",
      start: at("2026-03-01T23:00:00Z"),
      end: at("2026-03-02T23:00:00Z"),
    });
    expect(dayBounds(now, "America/New_York").today).toBe("2026-03-01");
    expect(dayBounds(now, "Pacific/Kiritimati").today).toBe("2026-03-02");
    expect(dayBounds(now, "UTC")).toEqual({ today: "2026-03-01", start: at("2026-03-01T00:00:00Z"), end: at("2026-03-02T00:00:00Z") });
  });

  it("has 23 hours on the day clocks spring forward and 25 when they fall back", () => {
    const spring = dayBounds(at("2026-03-29T12:00:00Z"), "Europe/Berlin");
    expect(spring.today).toBe("2026-03-29");
    expect((spring.end.getTime() - spring.start.getTime()) / 3600_000).toBe(23);
    const fall = dayBounds(at("2026-11-01T12:00:00Z"), "America/New_York");
    expect(fall.today).toBe("2026-11-01");
    expect(fall.start).toEqual(at("2026-11-01T04:00:00Z"));
    expect(fall.end).toEqual(at("2026-11-02T05:00:00Z"));
  });

  it("refuses an unknown zone", () => {
    expect(() => dayBounds(new Date(), "Mars/Olympus")).toThrow();
  });
});

describe("dueGroup", () => {
  const now = at("2026-03-29T10:00:00Z"); // 12:00 in Berlin, on the 23-hour day
  const day = dayBounds(now, "Europe/Berlin");

  it("groups all-day tasks by calendar date", () => {
    expect(dueGroup({ dueDate: "2026-03-28", dueAt: null }, now, day)).toBe("overdue");
    expect(dueGroup({ dueDate: "2026-03-29", dueAt: null }, now, day)).toBe("dueToday");
    expect(dueGroup({ dueDate: "2026-03-30", dueAt: null }, now, day)).toBe("upcoming");
  });

  it("makes a timed task overdue once its time passed, today until local midnight", () => {
    expect(dueGroup({ dueDate: null, dueAt: at("2026-03-29T09:59:00Z") }, now, day)).toBe("overdue");
    expect(dueGroup({ dueDate: null, dueAt: at("2026-03-29T21:59:00Z") }, now, day)).toBe("dueToday");
    // Local midnight is 22:00 UTC after the switch to summer time.
    expect(dueGroup({ dueDate: null, dueAt: at("2026-03-29T22:00:00Z") }, now, day)).toBe("upcoming");
    expect(dueGroup({ dueDate: null, dueAt: null }, now, day)).toBe("noDate");
  });

  it("puts the same instant in different groups for users in different zones", () => {
    const instant = { dueDate: null, dueAt: at("2026-03-02T03:00:00Z") };
    const when = at("2026-03-01T20:00:00Z");
    // 21:00 on 1 March in Berlin: the task is tomorrow; 05:00 on 2 March in Tokyo: it is today.
    expect(dueGroup(instant, when, dayBounds(when, "Europe/Berlin"))).toBe("upcoming");
    expect(dueGroup(instant, when, dayBounds(when, "Asia/Tokyo"))).toBe("dueToday");
  });
});

describe("groupByDue", () => {
  it("keeps the order inside each group", () => {
    const now = at("2026-03-01T12:00:00Z");
    const tasks = [
      { id: 1, dueDate: "2026-02-01", dueAt: null },
      { id: 2, dueDate: null, dueAt: at("2026-03-01T11:00:00Z") },
      { id: 3, dueDate: "2026-03-01", dueAt: null },
      { id: 4, dueDate: "2026-03-05", dueAt: null },
      { id: 5, dueDate: null, dueAt: null },
    ];
    const g = groupByDue(tasks, (t) => t, now, dayBounds(now, "UTC"));
    expect(g.overdue.map((t) => t.id)).toEqual([1, 2]);
    expect(g.dueToday.map((t) => t.id)).toEqual([3]);
    expect(g.upcoming.map((t) => t.id)).toEqual([4]);
    expect(g.noDate.map((t) => t.id)).toEqual([5]);
  });
});
