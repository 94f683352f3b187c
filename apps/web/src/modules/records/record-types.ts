import type { Company, Contact } from "@rapport/contract";

/** The customer record objects this code serves (the API's `objectType`). */
export type RecordType = "contact" | "company";
export type CustomerRecord = Contact | Company;

/** Where each object's pages live. */
export const recordBasePath: Record<RecordType, string> = { contact: "/people", company: "/companies" };

export function recordPath(type: RecordType, id: string): string {
  return `${recordBasePath[type]}/${id}`;
}

export function isContact(record: CustomerRecord): record is Contact {
  return "firstName" in record;
}

/**
 * The raw value behind a list column (a field key from `/fields`): custom fields live under
 * `custom`, a few built-in keys name a differently shaped property (email → emails).
 */
export function cellValue(record: CustomerRecord, key: string): unknown {
  if (key.startsWith("custom.")) return record.custom[key.slice("custom.".length)];
  switch (key) {
    case "email":
      return isContact(record) ? record.emails : undefined;
    case "phone":
      return record.phones;
    case "companyId":
      return isContact(record) ? record.companies : undefined;
    case "city":
      return record.addresses[0]?.city;
    case "country":
      return isContact(record) ? record.addresses[0]?.country : record.country;
    default:
      return (record as unknown as Record<string, unknown>)[key];
  }
}
