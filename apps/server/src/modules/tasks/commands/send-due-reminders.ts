import type { Kysely } from "kysely";
import type { DB } from "../../../platform/db/schema.js";
import { iamRepository } from "../../iam/index.js";
import { notify } from "../../notifications/index.js";
import { tasksRepository } from "../tasks.repository.js";

const BATCH = 200;

/**
 * Turns reminders that are due into notifications, exactly once: each batch claims its tasks
 * (SKIP LOCKED), marks them reminded and notifies their assignees in one transaction, so a
 * crash sends nothing and marks nothing, and two workers never claim the same task.
 * Returns how many reminders were sent.
 */
export async function sendDueReminders(db: Kysely<DB>, now: Date = new Date()): Promise<number> {
  let sent = 0;
  for (;;) {
    const claimed = await db.transaction().execute(async (tx) => {
      const rows = await tasksRepository.claimDueReminders(tx, now, BATCH);
      for (const t of rows) {
        const user = await iamRepository.userById(tx, t.workspace_id, t.assignee_id);
        // A deactivated assignee is not reminded; the reminder still counts as handled.
        if (!user?.active) continue;
        await notify(tx, {
          workspaceId: t.workspace_id,
          userId: t.assignee_id,
          kind: "task_reminder",
          title: `Reminder: ${t.title}`,
          entityType: "task",
          entityId: t.id,
        });
        sent++;
      }
      return rows.length;
    });
    if (claimed < BATCH) return sent;
  }
}
