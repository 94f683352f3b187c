import type { LinkableRecordType } from "../tasks/index.js";
import { salesFacts } from "./sales-facts.js";

/**
 * Lets tasks link to deals (the playbook steps' tasks are about their deal). Registered at
 * wiring time the way tasks asks; the deals module may take it over once it has its reads.
 */
export const dealTaskLink: LinkableRecordType = { visible: (q, ws, ids, v) => salesFacts.visibleDeals(q, ws, ids, v) };
