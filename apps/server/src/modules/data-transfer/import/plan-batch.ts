import { type RawBuilder, sql, type Transaction } from "kysely";
import { v7 as uuidv7 } from "uuid";
import type { DB } from "../../../platform/db/schema.js";
import type { ContactRow } from "../../contacts/index.js";
import { ownerVisible } from "../../records/index.js";
import { emailTokens, phoneTokens } from "../../search/index.js";
import { applyRow, emptyContact, pickStored, type StoredContact } from "./contact-merge.rules.js";
import type { ImportRunContext } from "./import-context.js";
import { withImports } from "./imports.tables.js";
import { matchedPeople, matchKeys } from "./match-keys.rules.js";
import type { ImportValues } from "./row-values.rules.js";

/** A valid row with its owner resolved (undefined: the row names no owner). */
export type ReadyRow = { rowNumber: number; values: ImportValues; ownerId: string | undefined };
export type Before = StoredContact & { companyIds: string[] };

/** What a batch does to one person; several rows of the file may fold into one plan. */
export type Plan = {
  id: string;
  action: "create" | "update";
  rowNumber: number;
  /** Stored values before the import touched the person; null for new people (and in dry runs). */
  before: Before | null;
  next: StoredContact;
  company?: string;
  /** External ids and social handles of its rows (written as identities of the person). */
  identities?: ImportValues["identities"];
  /** Known only from an earlier batch of a dry run: counted, never written. */
  phantom?: boolean;
};

export type BatchPlan = { plans: Plan[]; created: number; updated: number; skipped: number; newKeys: [string, string][] };

const keysOf = (ctx: ImportRunContext, v: ImportValues) => matchKeys(ctx.matchBy, v);

/**
 * Decides, row by row in file order, whether each row creates a person, updates one or is
 * skipped. A row is the same person as an earlier row of the file when they share a key
 * (email, phone or external id, per `matchBy`) — across batches through `import_keys` — and as an
 * existing person the importer can see when `onMatch` is not "create". Matched people are
 * locked until the batch commits.
 */
export async function planBatch(tx: Transaction<DB>, ctx: ImportRunContext, rows: ReadyRow[]): Promise<BatchPlan> {
  const ws = ctx.ws;
  const allKeys = [...new Set(rows.flatMap((r) => keysOf(ctx, r.values)))];
  const seenRows = allKeys.length
    ? await withImports(tx)
        .selectFrom("import_keys")
        .select(["key", "entity_id"])
        .where("workspace_id", "=", ws)
        .where("import_id", "=", ctx.importId)
        .where("key", "=", sql<string>`ANY(${allKeys}::text[])`)
        .execute()
    : [];
  const seen = new Map(seenRows.map((r) => [r.key, r.entity_id]));
  const lookFor = allKeys.filter((k) => !seen.has(k));
  const holders = ctx.onMatch === "create" ? [] : await holdersOf(tx, ctx, lookFor);
  const candidates = [...new Set(holders.map(([, id]) => id))];
  const matchedRows = await lockContacts(tx, ws, candidates, sql<boolean>`c.deleted_at IS NULL AND ${ownerVisible("c", ctx.visibility)}`);
  const earlierIds = ctx.dryRun ? [] : [...new Set(seen.values())];
  const earlierRows = await lockContacts(tx, ws, earlierIds, sql<boolean>`true`);
  const byId = new Map([...matchedRows, ...earlierRows].map((r) => [r.id, r]));
  // Emails and phones found through the search index are checked again against the stored values.
  const confirmed =
    ctx.matchBy === "externalId"
      ? holders
      : holders.filter(([k, id]) => byId.get(id)?.[ctx.matchBy === "email" ? "emails" : "phones"].includes(k));
  const matched = matchedPeople(confirmed, matchedRows);
  const companyIds = await companiesOf(tx, ws, [...byId.keys()]);

  const plans = new Map<string, Plan>();
  const keys = new Map(seen);
  let created = 0;
  let updated = 0;
  let skipped = 0;
  for (const row of rows) {
    const rowKeys = keysOf(ctx, row.values);
    let id = rowKeys.map((k) => keys.get(k)).find(Boolean);
    if (!id) id = rowKeys.map((k) => matched.get(k)?.id).find(Boolean);
    let plan = id ? plans.get(id) : undefined;
    if (!id) {
      id = uuidv7();
      plan = {
        id,
        action: "create",
        rowNumber: row.rowNumber,
        before: null,
        next: applyRow(emptyContact(ctx.defaultOwner), row.values, row.ownerId),
      };
      plans.set(id, plan);
      created++;
    } else if (ctx.onMatch === "skip") {
      skipped++;
    } else {
      if (!plan) {
        const existing = byId.get(id);
        plan = existing
          ? {
              id,
              action: "update",
              rowNumber: row.rowNumber,
              before: { ...pickStored(existing), companyIds: companyIds.get(id) ?? [] },
              next: pickStored(existing),
            }
          : { id, action: "update", rowNumber: row.rowNumber, before: null, next: emptyContact(null), phantom: true };
        plans.set(id, plan);
      }
      plan.next = applyRow(plan.next, row.values, row.ownerId);
      updated++;
    }
    if (plan && row.values.company) plan.company = row.values.company;
    if (plan && row.values.identities.length) plan.identities = [...(plan.identities ?? []), ...row.values.identities];
    for (const k of rowKeys) keys.set(k, id);
  }
  const newKeys = [...keys].filter(([k]) => !seen.has(k));
  return { plans: [...plans.values()], created, updated, skipped, newKeys };
}

/**
 * Existing people holding any of `keys`, as [key, person id] pairs (unchecked for visibility).
 * Emails and phones are found through the search index (a B-tree of normalised emails and
 * phone digits, kept in the same transaction as every record) rather than the GIN array
 * indexes, which slow to a crawl while their pending lists fill during bulk writes; the
 * stored values are checked again by the caller. External ids are identities of the person
 * (`contact_identities`, indexed by value).
 */
async function holdersOf(tx: Transaction<DB>, ctx: ImportRunContext, keys: string[]): Promise<[string, string][]> {
  if (keys.length === 0) return [];
  const ws = ctx.ws;
  if (ctx.matchBy === "externalId") {
    const rows = await sql<{ key: string; id: string }>`SELECT i.value AS key, i.contact_id AS id FROM contact_identities i
       WHERE i.workspace_id = ${ws}::uuid AND i.kind = 'external_id' AND i.value = ANY(${keys}::text[])`.execute(tx);
    return rows.rows.map((r) => [r.key, r.id]);
  }
  const keyOfToken = new Map<string, string>();
  for (const k of keys) {
    const token = (ctx.matchBy === "email" ? emailTokens(k) : phoneTokens(k))[0]?.token;
    if (token && !keyOfToken.has(token)) keyOfToken.set(token, k);
  }
  if (keyOfToken.size === 0) return [];
  const field = ctx.matchBy === "email" ? "e" : "p";
  // A simple statement answered by the token index whatever the statistics say.
  const rows = await sql<{ token: string; id: string }>`SELECT DISTINCT t.token, t.entity_id AS id FROM search_tokens t
     WHERE t.workspace_id = ${ws}::uuid AND t.token = ANY(${[...keyOfToken.keys()]}::text[]) AND t.entity_type = 'p' AND t.field = ${field}`.execute(
    tx,
  );
  return rows.rows.flatMap((r): [string, string][] => {
    const key = keyOfToken.get(r.token);
    return key ? [[key, r.id]] : [];
  });
}

/** People by id, locked until the batch commits, oldest first. */
async function lockContacts(tx: Transaction<DB>, ws: string, ids: string[], condition: RawBuilder<boolean>): Promise<ContactRow[]> {
  if (ids.length === 0) return [];
  const res =
    await sql<ContactRow>`SELECT c.* FROM contacts c WHERE c.workspace_id = ${ws}::uuid AND c.id = ANY(${ids}::uuid[]) AND ${condition}
                                     ORDER BY c.created_at, c.id FOR UPDATE`.execute(tx);
  return res.rows;
}

async function companiesOf(tx: Transaction<DB>, ws: string, contactIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (contactIds.length === 0) return out;
  const rows = await tx
    .selectFrom("contact_companies")
    .select(["contact_id", "company_id"])
    .where("workspace_id", "=", ws)
    .where("contact_id", "=", sql<string>`ANY(${contactIds}::uuid[])`)
    .execute();
  for (const r of rows) out.set(r.contact_id, [...(out.get(r.contact_id) ?? []), r.company_id]);
  return out;
}
