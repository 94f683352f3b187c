import { identityEndpoints as ep } from "@rapport/contract";
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import { v7 as uuidv7 } from "uuid";
import type { Authenticator } from "../../platform/auth/authenticator.js";
import { actorOf, type Principal, requirePermission } from "../../platform/auth/principal.js";
import type { DB } from "../../platform/db/schema.js";
import { runCommand } from "../../platform/http/command.js";
import { badRequest, notFound } from "../../platform/http/problem.js";
import { route } from "../../platform/http/route.js";
import { contactsRepository, presentContact } from "../contacts/index.js";
import { customFieldsRepository } from "../custom-fields/index.js";
import { recordVisibility } from "../iam/index.js";
import type { MergeParticipants } from "../records/index.js";
import { addIdentity } from "./commands/add-identity.js";
import { markDistinct } from "./commands/decide-duplicate.js";
import { mergeContacts, participantsOf } from "./commands/merge-contacts.js";
import { saveIdentitySettings } from "./commands/save-identity-settings.js";
import { undoMerge } from "./commands/undo-merge.js";
import { scanRunning } from "./identity.errors.js";
import { ScanQueue } from "./identity.jobs.js";
import { IDENTITY_PERMISSIONS as P } from "./identity.policy.js";
import { presentDuplicate, presentIdentity, presentMerge, presentScan } from "./identity.presenter.js";
import { identityRepository } from "./identity.repository.js";
import { reviewRepository } from "./identity-review.repository.js";
import { resolveFields } from "./merge-defaults.rules.js";
import { mergeFields, mergeSide } from "./merge-fields.js";

export type IdentityDeps = { db: Kysely<DB>; auth: Authenticator; participants: MergeParticipants };

const encode = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
function decode<T>(cursor: string | undefined, valid: (x: Record<string, unknown>) => boolean): T | null {
  if (!cursor) return null;
  try {
    const o = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (o && typeof o === "object" && valid(o)) return o as T;
  } catch {
    // fall through
  }
  throw badRequest("invalid_cursor", "The cursor is not valid.");
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function registerIdentityRoutes(app: FastifyInstance, deps: IdentityDeps) {
  const { db, auth } = deps;
  const scans = new ScanQueue(db);

  async function visibleContact(p: Principal, id: string, includeDeleted = false) {
    const row = await contactsRepository.byId(db, p.workspaceId, id, await recordVisibility(db, p), { includeDeleted });
    if (!row) throw notFound("contact");
    return row;
  }

  route(app, auth, ep.listIdentities, async ({ principal, params }) => {
    requirePermission(principal, P.read);
    await visibleContact(principal, params.id, true);
    return { items: (await identityRepository.identities(db, principal.workspaceId, params.id)).map(presentIdentity) };
  });

  route(app, auth, ep.addIdentity, async ({ principal, params, body, req }) => {
    requirePermission(principal, P.decide);
    return runCommand(db, req, async (tx) => addIdentity(tx, actorOf(principal), await recordVisibility(tx, principal), params.id, body));
  });

  route(app, auth, ep.contactDuplicates, async ({ principal, params }) => {
    requirePermission(principal, P.read);
    await visibleContact(principal, params.id, true);
    const v = await recordVisibility(db, principal);
    const rows = await reviewRepository.listCandidates(db, principal.workspaceId, v, {
      status: "open",
      minScore: 0,
      after: null,
      limit: 20,
      contactId: params.id,
    });
    return { items: rows.map(presentDuplicate) };
  });

  route(app, auth, ep.listDuplicates, async ({ principal, query }) => {
    requirePermission(principal, P.read);
    const after = decode<{ score: number; id: string }>(query.cursor, (o) => typeof o.score === "number" && UUID.test(String(o.id)));
    const v = await recordVisibility(db, principal);
    const rows = await reviewRepository.listCandidates(db, principal.workspaceId, v, {
      status: query.status,
      minScore: query.minScore ?? 0,
      after,
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(presentDuplicate),
      nextCursor: rows.length > query.limit && last ? encode({ score: Number(last.score), id: last.id }) : null,
    };
  });

  route(app, auth, ep.getDuplicate, async ({ principal, params }) => {
    requirePermission(principal, P.read);
    const row = await reviewRepository.candidate(db, principal.workspaceId, await recordVisibility(db, principal), params.id);
    if (!row) throw notFound("duplicate");
    return presentDuplicate(row);
  });

  route(app, auth, ep.markDistinct, async ({ principal, params, req }) => {
    requirePermission(principal, P.decide);
    return runCommand(db, req, async (tx) => markDistinct(tx, actorOf(principal), await recordVisibility(tx, principal), params.id));
  });

  route(app, auth, ep.startScan, async ({ principal, req }) => {
    requirePermission(principal, P.manage);
    return runCommand(db, req, async (tx) => {
      if (await reviewRepository.activeScan(tx, principal.workspaceId)) throw scanRunning();
      const scan = await reviewRepository.insertScan(tx, principal.workspaceId, uuidv7(), principal.userId);
      await scans.enqueue(tx, { workspaceId: principal.workspaceId, scanId: scan.id });
      return presentScan(scan);
    });
  });

  route(app, auth, ep.latestScan, async ({ principal }) => {
    requirePermission(principal, P.read);
    const row = await reviewRepository.latestScan(db, principal.workspaceId);
    return { scan: row ? presentScan(row) : null };
  });

  route(app, auth, ep.previewMerge, async ({ principal, query }) => {
    requirePermission(principal, P.read);
    if (query.survivorId === query.mergedId) throw badRequest("same_record", "A person cannot be merged into themselves.");
    const survivor = await visibleContact(principal, query.survivorId);
    const merged = await visibleContact(principal, query.mergedId);
    const ws = principal.workspaceId;
    const defs = await customFieldsRepository.list(db, ws, "contact");
    const fields = mergeFields(survivor, merged, defs);
    const choices = resolveFields(
      fields.map((f) => f.field),
      mergeSide(survivor, fields, "survivor"),
      mergeSide(merged, fields, "merged"),
    );
    const links = await contactsRepository.companyLinks(db, ws, [survivor.id, merged.id]);
    const keys = new Set(defs.map((d) => d.key));
    const moves = await db.transaction().execute(async (tx) => {
      const out: Record<string, number> = {};
      for (const p of participantsOf(deps.participants)) out[p.name] = await p.count(tx, ws, merged.id);
      return out;
    });
    return {
      survivor: presentContact(survivor, links.get(survivor.id) ?? [], keys),
      merged: presentContact(merged, links.get(merged.id) ?? [], keys),
      fields: fields
        .filter((f) => JSON.stringify(f.survivor ?? null) !== JSON.stringify(f.merged ?? null))
        .map((f) => ({ ...f, default: choices[f.field] ?? "survivor" })),
      moves,
    };
  });

  route(app, auth, ep.createMerge, async ({ principal, body, req }) => {
    requirePermission(principal, P.decide);
    return runCommand(db, req, async (tx) =>
      mergeContacts(tx, actorOf(principal), await recordVisibility(tx, principal), deps.participants, body),
    );
  });

  route(app, auth, ep.listMerges, async ({ principal, query }) => {
    requirePermission(principal, P.read);
    const after = decode<{ at: string; id: string }>(query.cursor, (o) => typeof o.at === "string" && UUID.test(String(o.id)));
    const rows = await reviewRepository.listMerges(db, principal.workspaceId, await recordVisibility(db, principal), {
      after,
      limit: query.limit + 1,
      ...(query.contactId ? { contactId: query.contactId } : {}),
    });
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(presentMerge),
      nextCursor: rows.length > query.limit && last ? encode({ at: new Date(last.created_at).toISOString(), id: last.id }) : null,
    };
  });

  route(app, auth, ep.undoMerge, async ({ principal, params, req }) => {
    requirePermission(principal, P.decide);
    return runCommand(db, req, async (tx) =>
      undoMerge(tx, actorOf(principal), await recordVisibility(tx, principal), deps.participants, params.id),
    );
  });

  route(app, auth, ep.getSettings, async ({ principal }) => {
    requirePermission(principal, P.read);
    const s = await identityRepository.settings(db, principal.workspaceId);
    return {
      autoMergeThreshold: s.auto_merge_threshold === null ? null : Math.round(s.auto_merge_threshold * 1000) / 1000,
      autoMergeExactEmail: s.auto_merge_exact_email,
      updatedAt: s.updated_at ? new Date(s.updated_at).toISOString() : null,
    };
  });

  route(app, auth, ep.updateSettings, async ({ principal, body, req }) => {
    requirePermission(principal, P.manage);
    return runCommand(db, req, async (tx) => saveIdentitySettings(tx, actorOf(principal), body));
  });
}
