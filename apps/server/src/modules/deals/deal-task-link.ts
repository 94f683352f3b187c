import type { LinkableRecordType } from "../tasks/index.js";
import { dealFacts } from "./deal-facts.js";

/** Lets tasks link to deals (a deal's follow-ups, its playbook steps); registered at wiring time the way tasks asks. */
export const dealTaskLink: LinkableRecordType = { visible: (q, ws, ids, v) => dealFacts.visibleDeals(q, ws, ids, v) };
