import type { Transaction } from "kysely";
import type { Principal } from "../../platform/auth/principal.js";
import type { DB } from "../../platform/db/schema.js";
import { createQuota, periodContaining, shiftPeriod, todayIn } from "../forecast/index.js";

/** Demo targets: this and next quarter for the two sales people and their team, so the forecast shows attainment. */
export async function seedDemoForecast(tx: Transaction<DB>, admin: Principal, ids: { managerId: string; repId: string; teamId: string }) {
  const thisQuarter = periodContaining("quarter", todayIn("UTC"));
  for (const period of [thisQuarter, shiftPeriod(thisQuarter, 1)]) {
    await createQuota(tx, admin, { userId: ids.managerId, period: period.key, amountMinor: 12_000_000, currency: "EUR" });
    await createQuota(tx, admin, { userId: ids.repId, period: period.key, amountMinor: 8_000_000, currency: "EUR" });
    await createQuota(tx, admin, { teamId: ids.teamId, period: period.key, amountMinor: 20_000_000, currency: "EUR" });
  }
}
