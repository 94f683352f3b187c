import type { TaskPriority } from "@rapport/contract";
import type { Transaction } from "kysely";
import { DateTime } from "luxon";
import type { DB } from "../../platform/db/schema.js";
import { visibleRecords } from "../records/index.js";
import { completeTask, createTask, systemTaskContext, TaskLinkTypes } from "../tasks/index.js";

const TIME_ZONE = "Europe/Berlin";

/** [title, days from today, local time or null (all day), priority, assignee index, linked kind, done] */
type Plan = [string, number | null, string | null, TaskPriority, number, "contact" | "company" | null, boolean?];
const PLANS: Plan[] = [
  ["Call back about the renewal", -3, null, "high", 0, "company"],
  ["Send the revised quote", -2, "10:00", "urgent", 0, "contact"],
  ["Follow up on the demo", -1, null, "normal", 0, "contact"],
  ["Confirm delivery dates", -1, "15:30", "normal", 1, "company"],
  ["Chase the unpaid invoice", -4, null, "high", 2, "company"],
  ["Prepare the kick-off agenda", -2, null, "normal", 2, "contact"],
  ["Check in after onboarding", 0, null, "normal", 0, "contact"],
  ["Quarterly review call", 0, "16:00", "high", 0, "company"],
  ["Send the case study", 0, null, "low", 0, "contact"],
  ["Book the site visit", 0, "11:00", "normal", 1, "company"],
  ["Update the contact details", 0, null, "low", 2, "contact"],
  ["Introduce the new account manager", 0, null, "normal", 2, "company"],
  ["Draft the proposal", 1, null, "high", 0, "company"],
  ["Send the contract for signature", 2, "09:30", "urgent", 0, "contact"],
  ["Plan the training session", 3, null, "normal", 0, "company"],
  ["Ask for a referral", 5, null, "low", 0, "contact"],
  ["Renewal reminder", 7, null, "normal", 0, "company"],
  ["Prepare the pricing comparison", 1, "14:00", "normal", 1, "company"],
  ["Lunch with the buyer", 4, "12:30", "normal", 1, "contact"],
  ["Pipeline review", 6, "10:00", "high", 1, null],
  ["Call the new lead", 1, null, "normal", 2, "contact"],
  ["Send product samples", 2, null, "normal", 2, "company"],
  ["Follow up on the trade fair", 8, null, "low", 2, "contact"],
  ["Write the account plan", 12, null, "normal", 2, "company"],
  ["Tidy up old leads", null, null, "low", 0, null],
  ["Read the competitor report", null, null, "low", 1, null],
  ["Collect testimonials", null, null, "normal", 2, "contact"],
  ["Send the welcome pack", -6, null, "normal", 0, "contact", true],
  ["Confirm the order", -5, "11:00", "high", 2, "company", true],
  ["Log the trade fair leads", -8, null, "normal", 1, null, true],
];

/**
 * About thirty tasks for the demo users — overdue, today, upcoming, undated and a few done —
 * about demo people and companies, dated relative to the day of seeding in Berlin time.
 * Each user creates their own tasks (no "new task for you" notifications), except a few the
 * manager hands to the rep.
 */
export async function seedDemoTasks(tx: Transaction<DB>, workspaceId: string, userIds: [string, string, string]) {
  await tx.updateTable("workspaces").set({ time_zone: TIME_ZONE }).where("id", "=", workspaceId).execute();
  const links = new TaskLinkTypes();
  for (const type of ["contact", "company"] as const)
    links.register(type, { visible: (q, ws, ids, v) => visibleRecords(q, ws, type, ids, v) });
  const records = async (table: "contacts" | "companies") =>
    (
      await tx
        .selectFrom(table)
        .select("id")
        .where("workspace_id", "=", workspaceId)
        .where("deleted_at", "is", null)
        .orderBy("id")
        .limit(30)
        .execute()
    ).map((r) => r.id);
  const people = await records("contacts");
  const companies = await records("companies");
  const today = DateTime.now().setZone(TIME_ZONE).startOf("day");
  let i = 0;
  for (const [title, days, time, priority, who, kind, done] of PLANS) {
    const assigneeId = userIds[who] as string;
    const creatorId = who === 2 && i % 3 === 0 ? userIds[1] : assigneeId;
    const day = days === null ? null : today.plus({ days });
    const pool = kind === "contact" ? people : kind === "company" ? companies : [];
    const linkedId = pool.length > 0 ? pool[(i * 7) % pool.length] : undefined;
    const ctx = systemTaskContext(tx, workspaceId, links, creatorId);
    const task = await createTask(ctx, {
      title,
      priority,
      assigneeId,
      dueDate: day && !time ? day.toISODate() : null,
      dueAt:
        day && time
          ? day
              .set({ hour: Number(time.slice(0, 2)), minute: Number(time.slice(3)) })
              .toUTC()
              .toISO()
          : null,
      linked: kind && linkedId ? { type: kind, id: linkedId } : null,
      // Reminders an hour before the timed ones still ahead.
      remindAt:
        day && time && (days ?? 0) >= 0
          ? day
              .set({ hour: Number(time.slice(0, 2)) - 1 })
              .toUTC()
              .toISO()
          : null,
    });
    if (done) await completeTask(ctx, task.id);
    i++;
  }
}
