import type { Kysely } from "kysely";
import type { DB } from "../../platform/db/schema.js";
import type { EventVisibilityRule } from "../../platform/events/visibility.js";
import { anyRecordVisible } from "../records/index.js";

/** A document's events reach whoever sees the record it is attached to. */
export function documentEventRule(db: Kysely<DB>): EventVisibilityRule {
  return (p, e) => {
    const id = typeof e.payload.recordId === "string" ? [e.payload.recordId] : [];
    return anyRecordVisible(
      db,
      p,
      e.payload.recordType === "company" ? { contactIds: [], companyIds: id } : { contactIds: id, companyIds: [] },
    );
  };
}
