import type { Interaction } from "@rapport/contract";
import { parseMentions } from "./interaction.rules.js";
import type { InteractionRow, LinkRow } from "./interactions.repository.js";

const iso = (d: Date | string) => new Date(d).toISOString();

export type Related = { links: LinkRow[]; attendees: { interaction_id: string; user_id: string }[] };

export function presentInteraction(i: InteractionRow, related: Related): Interaction {
  const links = related.links.filter((l) => l.interaction_id === i.id);
  return {
    id: i.id,
    type: i.type as Interaction["type"],
    occurredAt: iso(i.occurred_at),
    subject: i.subject,
    body: i.body,
    direction: i.direction,
    durationSeconds: i.duration_seconds,
    outcome: i.outcome,
    endsAt: i.ends_at ? iso(i.ends_at) : null,
    location: i.location,
    authorId: i.author_id,
    contactIds: links.filter((l) => l.entity_type === "p").map((l) => l.entity_id),
    companyIds: links.filter((l) => l.entity_type === "c").map((l) => l.entity_id),
    attendeeIds: related.attendees.filter((a) => a.interaction_id === i.id).map((a) => a.user_id),
    // Mentions are part of the body; creating or editing it checked that they are users.
    mentionedUserIds: parseMentions(i.body),
    createdAt: iso(i.created_at),
    updatedAt: iso(i.updated_at),
  };
}

/** The audited fields of an interaction (events and the audit trail). */
export function interactionSnapshot(i: Interaction) {
  const { id: _id, createdAt: _c, updatedAt: _u, authorId: _a, mentionedUserIds: _m, ...rest } = i;
  return rest;
}
