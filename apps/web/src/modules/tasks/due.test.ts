import { describe, expect, it } from "vitest";
import { dueFromInputs, inputsFromDue, isOverdue } from "./due";

describe("due inputs", () => {
  it("is all day without a time and an instant with one", () => {
    expect(dueFromInputs("", "")).toEqual({ dueDate: null, dueAt: null });
    expect(dueFromInputs("2026-03-02", "")).toEqual({ dueDate: "2026-03-02", dueAt: null });
    const timed = dueFromInputs("2026-03-02", "09:30");
    expect(timed.dueDate).toBeNull();
    expect(new Date(timed.dueAt as string).getHours()).toBe(9);
    expect(inputsFromDue({ dueDate: null, dueAt: timed.dueAt })).toEqual({ date: "2026-03-02", time: "09:30" });
    expect(inputsFromDue({ dueDate: "2026-03-02", dueAt: null })).toEqual({ date: "2026-03-02", time: "" });
  });

  it("knows what is overdue", () => {
    const now = Date.parse("2026-03-02T12:00:00Z");
    expect(isOverdue({ dueDate: "2026-03-01", dueAt: null, status: "open" }, "2026-03-02", now)).toBe(true);
    expect(isOverdue({ dueDate: "2026-03-02", dueAt: null, status: "open" }, "2026-03-02", now)).toBe(false);
    expect(isOverdue({ dueDate: null, dueAt: "2026-03-02T11:00:00Z", status: "open" }, "2026-03-02", now)).toBe(true);
    expect(isOverdue({ dueDate: null, dueAt: "2026-03-02T11:00:00Z", status: "done" }, "2026-03-02", now)).toBe(false);
  });
});
