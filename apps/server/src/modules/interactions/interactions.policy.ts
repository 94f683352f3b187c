import type { Kysely } from "kysely";
import type { DB } from "../../platform/db/schema.js";
import type { EventVisibilityRule } from "../../platform/events/visibility.js";
import { anyRecordVisible } from "../records/index.js";

const ids = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/** An interaction's events reach whoever sees at least one of the records it is linked to. */
export function interactionEventRule(db: Kysely<DB>): EventVisibilityRule {
  return (p, e) => anyRecordVisible(db, p, { contactIds: ids(e.payload.contactIds), companyIds: ids(e.payload.companyIds) });
}
