import type { Transaction } from "kysely";
import type { Actor } from "../../../platform/auth/principal.js";
import type { DB } from "../../../platform/db/schema.js";
import { recordEvent } from "../../../platform/events/outbox.js";
import { conflict, notFound } from "../../../platform/http/problem.js";
import { contactsRepository } from "../../contacts/index.js";
import type { RecordVisibility } from "../../iam/index.js";
import { externalIdTaken } from "../identity.errors.js";
import { presentIdentity } from "../identity.presenter.js";
import { identityRepository } from "../identity.repository.js";

/**
 * Adds an external id ("system:id") or a social handle to a person. An external id
 * identifies one person: holding it twice is a 409 (merge instead). The system part is
 * lower-cased; the id itself is kept as given.
 */
export async function addIdentity(
  tx: Transaction<DB>,
  actor: Actor,
  visibility: RecordVisibility,
  contactId: string,
  input: { kind: "external_id" | "social"; value: string; source: string },
) {
  const ws = actor.workspaceId;
  const contact = await contactsRepository.byId(tx, ws, contactId, visibility, { forUpdate: true });
  if (!contact) throw notFound("contact");
  const colon = input.value.indexOf(":");
  const system = input.value.slice(0, colon).toLowerCase();
  const rest = input.value.slice(colon + 1);
  const value = `${system}:${input.kind === "social" ? rest.toLowerCase() : rest}`;
  if (input.kind === "external_id" && (await identityRepository.externalIdHolder(tx, ws, value, contactId))) throw externalIdTaken();
  const row = await identityRepository.addIdentity(tx, ws, contactId, { kind: input.kind, value, source: input.source });
  if (!row) throw conflict("identity_exists", "This person already has this identity.");
  await recordEvent(tx, actor, {
    type: "contact.identity_added",
    entityType: "contact",
    entityId: contactId,
    payload: { changes: { [input.kind]: { old: null, new: value } }, source: input.source, ownerId: contact.owner_id },
  });
  return presentIdentity(row);
}
