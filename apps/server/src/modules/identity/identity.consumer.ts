import type { Transaction } from "kysely";
import { systemActor } from "../../platform/auth/principal.js";
import type { DB } from "../../platform/db/schema.js";
import type { EventConsumer, StoredEvent } from "../../platform/events/processor.js";
import { contactsRepository } from "../contacts/index.js";
import type { MergeParticipants } from "../records/index.js";
import { mergeContacts } from "./commands/merge-contacts.js";
import { detectFor } from "./detection.js";
import type { CandidateRow } from "./identity.repository.js";
import { identityRepository } from "./identity.repository.js";

/**
 * Keeps identities and blocking keys in step with people, whatever wrote them, and runs
 * incremental duplicate detection for each new or changed person. It reads events, not
 * the writers' code: the people commands emit contact.* events; imports emit
 * import.rows_applied with createdIds/updatedIds.
 */
export function touchedContacts(events: readonly StoredEvent[]): Map<string, Set<string>> {
  const byWorkspace = new Map<string, Set<string>>();
  const add = (ws: string, ids: unknown) => {
    if (!Array.isArray(ids)) return;
    const set = byWorkspace.get(ws) ?? new Set<string>();
    for (const id of ids) if (typeof id === "string") set.add(id);
    byWorkspace.set(ws, set);
  };
  for (const e of events) {
    if (e.entityType === "contact") add(e.workspaceId, [e.entityId]);
    else if (e.type === "import.rows_applied") add(e.workspaceId, [...asArray(e.payload.createdIds), ...asArray(e.payload.updatedIds)]);
    else if (e.type === "contacts.changed") add(e.workspaceId, e.payload.contactIds);
    else if (e.type === "import.rows_undone") add(e.workspaceId, [...asArray(e.payload.removedIds), ...asArray(e.payload.restoredIds)]);
  }
  return byWorkspace;
}

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Pure: the candidates the workspace's rules merge without review. */
export function autoMergeable<C extends Pick<CandidateRow, "score" | "reasons" | "status">>(
  candidates: C[],
  rules: { auto_merge_threshold: number | null; auto_merge_exact_email: boolean },
) {
  return candidates.filter(
    (c) =>
      c.status === "open" &&
      ((rules.auto_merge_threshold !== null && c.score >= rules.auto_merge_threshold) ||
        (rules.auto_merge_exact_email && c.reasons.includes("same_email") && c.score >= 0.9)),
  );
}

async function applyAutoMerges(tx: Transaction<DB>, ws: string, registry: MergeParticipants, found: CandidateRow[]) {
  const rules = await identityRepository.settings(tx, ws);
  const actor = systemActor(ws);
  for (const c of autoMergeable(found, rules).sort((x, y) => y.score - x.score)) {
    // An earlier merge of this batch may have absorbed one of the two already.
    const alive = await contactsRepository.byIds(tx, ws, [c.contact_a, c.contact_b], { all: true });
    if (alive.length < 2) continue;
    // The older record (ids are time-ordered) survives: links from other systems point at it.
    await mergeContacts(
      tx,
      actor,
      { all: true },
      registry,
      { survivorId: c.contact_a, mergedId: c.contact_b, fields: {} },
      { automatic: true },
    );
  }
}

export function identityConsumer(registry: MergeParticipants): EventConsumer {
  return {
    name: "identity",
    async handle(tx, events) {
      for (const [ws, ids] of touchedContacts(events)) {
        const found = await detectFor(tx, ws, [...ids]);
        await applyAutoMerges(tx, ws, registry, found);
      }
    },
  };
}
