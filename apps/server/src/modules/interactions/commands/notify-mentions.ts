import type { Transaction } from "kysely";
import type { Principal } from "../../../platform/auth/principal.js";
import type { DB } from "../../../platform/db/schema.js";
import { iamRepository, recordVisibility } from "../../iam/index.js";
import { notify } from "../../notifications/index.js";
import { type RecordType, visibleRecords } from "../../records/index.js";

export type Linked = { contactIds: string[]; companyIds: string[] };

/** The name shown as the author: the user's, or the API key's for integrations. */
export async function actorName(tx: Transaction<DB>, p: Principal): Promise<string> {
  if (p.userId) return (await iamRepository.userById(tx, p.workspaceId, p.userId))?.name ?? "Someone";
  return (await iamRepository.apiKeyById(tx, p.workspaceId, p.actorId))?.name ?? "An integration";
}

/**
 * Notifies mentioned users, each about the first linked record they may see. A user who can
 * see none of them gets no notification: its title would name a record hidden from them.
 * Authors are not notified of their own mentions.
 */
export async function notifyMentions(tx: Transaction<DB>, author: Principal, userIds: string[], linked: Linked) {
  const ws = author.workspaceId;
  const recipients = userIds.filter((id) => id !== author.userId);
  if (recipients.length === 0) return;
  const name = await actorName(tx, author);
  const teams = await iamRepository.teamIdsByUser(tx, ws, recipients);
  for (const userId of recipients) {
    const user = await iamRepository.userById(tx, ws, userId);
    if (!user?.active) continue;
    const viewer: Principal = {
      workspaceId: ws,
      actorType: "user",
      actorId: userId,
      userId,
      role: user.role,
      teamIds: teams.get(userId) ?? [],
      sessionId: null,
    };
    const v = await recordVisibility(tx, viewer);
    const record = await firstVisible(tx, ws, linked, v);
    if (!record) continue;
    await notify(tx, {
      workspaceId: ws,
      userId,
      kind: "mention",
      title: `${name} mentioned you on ${record.name}`,
      entityType: record.type,
      entityId: record.id,
    });
  }
}

async function firstVisible(tx: Transaction<DB>, ws: string, linked: Linked, v: Awaited<ReturnType<typeof recordVisibility>>) {
  for (const [type, ids] of [
    ["contact", linked.contactIds],
    ["company", linked.companyIds],
  ] as [RecordType, string[]][]) {
    const found = await visibleRecords(tx, ws, type, ids, v);
    // Keep the order the records were linked in.
    const first = ids.map((id) => found.find((r) => r.id === id)).find(Boolean);
    if (first) return { type, ...first };
  }
  return undefined;
}
