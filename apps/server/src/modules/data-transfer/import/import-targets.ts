import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../../platform/db/schema.js";
import { customFieldsRepository } from "../../custom-fields/index.js";
import { COMPANY_ALIASES, companyTargets } from "./company-values.rules.js";
import { contactTargets, type MappingTarget } from "./mapping.rules.js";

export type ImportObject = "contact" | "company";

/** The custom fields of what an import holds (people's or companies'). */
export const customDefsOf = (q: Kysely<DB> | Transaction<DB>, ws: string, objectType: ImportObject) =>
  customFieldsRepository.list(q, ws, objectType);

/** Where the columns of an import can go, and the aliases of other systems' exports for them. */
export function targetsOf(
  objectType: ImportObject,
  customDefs: { key: string; label: string; type: string }[],
): { targets: MappingTarget[]; aliases?: [RegExp, string][] } {
  return objectType === "company"
    ? { targets: companyTargets(customDefs), aliases: COMPANY_ALIASES }
    : { targets: contactTargets(customDefs) };
}
