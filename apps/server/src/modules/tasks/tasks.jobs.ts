import type { Kysely } from "kysely";
import type { DB } from "../../platform/db/schema.js";
import type { JobDefinition } from "../../platform/jobs/queue.js";
import { sendDueReminders } from "./commands/send-due-reminders.js";

/** Every minute: reminders that came due become notifications. */
export function taskJobs(db: Kysely<DB>): JobDefinition[] {
  return [
    {
      name: "tasks.reminders",
      schedule: "* * * * *",
      async handler() {
        await sendDueReminders(db);
      },
    },
  ];
}
