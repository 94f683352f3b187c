import type { createViewBodySchema, SavedView, updateViewBodySchema, ViewDefinition, ViewObject } from "@rapport/contract";
import type { Transaction } from "kysely";
import { v7 as uuidv7 } from "uuid";
import type { z } from "zod";
import { actorOf, type Principal } from "../../../platform/auth/principal.js";
import type { FieldDef } from "../../../platform/db/list-query/index.js";
import type { DB } from "../../../platform/db/schema.js";
import { diff, recordEvent } from "../../../platform/events/outbox.js";
import { badRequest, notFound } from "../../../platform/http/problem.js";
import { companyFields } from "../../companies/index.js";
import { contactFields } from "../../contacts/index.js";
import { customFieldsRepository } from "../../custom-fields/index.js";
import { dealFields } from "../../deals/index.js";
import { checkViewDefinition } from "../view-definition.rules.js";
import { requireCanChange, requireCanShare, viewOwnerOf } from "../views.policy.js";
import { presentView, viewSnapshot } from "../views.presenter.js";
import { viewsRepository } from "../views.repository.js";

type CreateInput = z.output<typeof createViewBodySchema>;
type UpdateInput = z.output<typeof updateViewBodySchema>;

/** Each list's field registry: the allow-list its saved views are checked against. */
const REGISTRY: Record<ViewObject, (tx: Transaction<DB>, ws: string) => Promise<Map<string, FieldDef>>> = {
  contact: async (tx, ws) => contactFields(await customFieldsRepository.list(tx, ws, "contact")),
  company: async (tx, ws) => companyFields(await customFieldsRepository.list(tx, ws, "company")),
  deal: async () => dealFields(),
};

async function checkDefinition(tx: Transaction<DB>, ws: string, objectType: ViewObject, def: ViewDefinition) {
  const fields = await REGISTRY[objectType](tx, ws);
  const errors = checkViewDefinition(def, fields);
  if (errors.length) throw badRequest("validation_failed", "The view refers to fields or operators that its list does not have.", errors);
}

export async function createView(tx: Transaction<DB>, p: Principal, input: CreateInput): Promise<SavedView> {
  if (input.shared) requireCanShare(p);
  await checkDefinition(tx, p.workspaceId, input.objectType, input.definition);
  const row = await viewsRepository.insert(tx, {
    workspace_id: p.workspaceId,
    id: uuidv7(),
    object_type: input.objectType,
    name: input.name,
    owner_id: viewOwnerOf(p),
    shared: input.shared,
    definition: JSON.stringify(input.definition),
  });
  const view = presentView(row);
  await recordEvent(tx, actorOf(p), {
    type: "view.created",
    entityType: "saved_view",
    entityId: row.id,
    payload: { after: viewSnapshot(view), ownerId: row.owner_id, shared: row.shared },
  });
  return view;
}

export async function updateView(tx: Transaction<DB>, p: Principal, id: string, input: UpdateInput): Promise<SavedView> {
  const before = await viewsRepository.visibleById(tx, p.workspaceId, viewOwnerOf(p), id);
  if (!before) throw notFound("view");
  requireCanChange(p, before, "update");
  if (input.shared && !before.shared) requireCanShare(p);
  if (input.definition) await checkDefinition(tx, p.workspaceId, before.object_type, input.definition);
  const row = await viewsRepository.update(tx, p.workspaceId, id, {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.shared !== undefined ? { shared: input.shared } : {}),
    ...(input.definition !== undefined ? { definition: JSON.stringify(input.definition) } : {}),
  });
  const view = presentView(row);
  const changes = diff(viewSnapshot(presentView(before)), viewSnapshot(view));
  if (Object.keys(changes).length > 0) {
    await recordEvent(tx, actorOf(p), {
      type: "view.updated",
      entityType: "saved_view",
      entityId: id,
      payload: { changes, ownerId: row.owner_id, shared: row.shared, previouslyShared: before.shared },
    });
  }
  return view;
}

export async function deleteView(tx: Transaction<DB>, p: Principal, id: string) {
  const row = await viewsRepository.visibleById(tx, p.workspaceId, viewOwnerOf(p), id);
  if (!row) throw notFound("view");
  requireCanChange(p, row, "delete");
  await viewsRepository.delete(tx, p.workspaceId, id);
  await recordEvent(tx, actorOf(p), {
    type: "view.deleted",
    entityType: "saved_view",
    entityId: id,
    payload: { before: viewSnapshot(presentView(row)), ownerId: row.owner_id, shared: row.shared },
  });
}
