import type { Kysely } from "kysely";
import type { DB } from "../../platform/db/schema.js";
import type { JobDefinition } from "../../platform/jobs/queue.js";

/** Housekeeping: expired sessions, old idempotency keys and stale sign-in throttles. */
export function maintenanceJobs(db: Kysely<DB>): JobDefinition[] {
  return [
    {
      name: "maintenance.cleanup",
      schedule: "17 * * * *",
      async handler() {
        const ago = (hours: number) => new Date(Date.now() - hours * 3600_000);
        await db
          .deleteFrom("sessions")
          .where((eb) => eb.or([eb("expires_at", "<", ago(24)), eb("revoked_at", "<", ago(30 * 24))]))
          .execute();
        await db.deleteFrom("idempotency_keys").where("created_at", "<", ago(24)).execute();
        await db.deleteFrom("sign_in_throttle").where("window_started_at", "<", ago(24)).execute();
      },
    },
  ];
}
