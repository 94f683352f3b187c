import type { Address } from "@rapport/contract";
import { normaliseTags } from "../../records/index.js";
import type { ImportValues } from "./row-values.rules.js";

/** The stored columns of a person that an import writes (and undo restores). */
export type StoredContact = {
  first_name: string;
  last_name: string;
  title: string | null;
  emails: string[];
  phones: string[];
  addresses: Address[];
  lifecycle_stage: string;
  source: string | null;
  owner_id: string | null;
  tags: string[];
  notes: string | null;
  custom: Record<string, unknown>;
};

export const STORED_COLUMNS = [
  "first_name",
  "last_name",
  "title",
  "emails",
  "phones",
  "addresses",
  "lifecycle_stage",
  "source",
  "owner_id",
  "tags",
  "notes",
  "custom",
] as const;

/** The stored columns of a contact row (its JSON columns hold what the API wrote). */
export function pickStored(row: Omit<StoredContact, "addresses"> & { addresses: unknown }): StoredContact {
  return Object.fromEntries(STORED_COLUMNS.map((c) => [c, row[c]])) as StoredContact;
}

/** A new person before any row is applied: what createContact stores for an empty body. */
export function emptyContact(ownerId: string | null): StoredContact {
  return {
    first_name: "",
    last_name: "",
    title: null,
    emails: [],
    phones: [],
    addresses: [],
    lifecycle_stage: "lead",
    source: null,
    owner_id: ownerId,
    tags: [],
    notes: null,
    custom: {},
  };
}

const union = (a: string[], b: string[]) => [...a, ...b.filter((x) => !a.includes(x))];

/**
 * Applies a row to a person: values in the row replace stored ones, empty cells keep them;
 * emails, phones and tags are added to the stored lists; address parts fill the first
 * address; custom values replace the same keys. Rows that repeat a person in one file go
 * through here one after the other, so the last row's values win.
 */
export function applyRow(base: StoredContact, v: ImportValues, ownerId: string | null | undefined): StoredContact {
  const next: StoredContact = {
    ...base,
    emails: union(base.emails, v.emails),
    phones: union(base.phones, v.phones),
    tags: normaliseTags([...base.tags, ...v.tags]),
    custom: { ...base.custom, ...v.custom },
  };
  if (v.firstName) next.first_name = v.firstName;
  if (v.lastName) next.last_name = v.lastName;
  if (v.title !== undefined) next.title = v.title;
  if (v.lifecycleStage !== undefined) next.lifecycle_stage = v.lifecycleStage;
  if (v.source !== undefined) next.source = v.source;
  if (v.notes !== undefined) next.notes = v.notes;
  if (ownerId !== undefined) next.owner_id = ownerId;
  if (v.address) next.addresses = [{ ...base.addresses[0], ...v.address }, ...base.addresses.slice(1)];
  return next;
}
