import type { Transaction } from "kysely";
import type { Actor } from "../../../platform/auth/principal.js";
import type { DB } from "../../../platform/db/schema.js";
import { diff, recordEvent } from "../../../platform/events/outbox.js";
import { identityRepository } from "../identity.repository.js";

export type IdentitySettingsInput = { autoMergeThreshold: number | null; autoMergeExactEmail: boolean };

/** Changes the workspace's automatic merge rules (audited field by field). */
export async function saveIdentitySettings(tx: Transaction<DB>, actor: Actor, input: IdentitySettingsInput) {
  const ws = actor.workspaceId;
  const before = await identityRepository.settings(tx, ws);
  await identityRepository.saveSettings(tx, ws, { threshold: input.autoMergeThreshold, exactEmail: input.autoMergeExactEmail }, actor.id);
  const changes = diff(
    { autoMergeThreshold: before.auto_merge_threshold, autoMergeExactEmail: before.auto_merge_exact_email },
    { autoMergeThreshold: input.autoMergeThreshold, autoMergeExactEmail: input.autoMergeExactEmail },
  );
  if (Object.keys(changes).length > 0) {
    await recordEvent(tx, actor, { type: "identity_settings.updated", entityType: "workspace", entityId: ws, payload: { changes } });
  }
  const after = await identityRepository.settings(tx, ws);
  return {
    autoMergeThreshold: after.auto_merge_threshold === null ? null : Math.round(after.auto_merge_threshold * 1000) / 1000,
    autoMergeExactEmail: after.auto_merge_exact_email,
    updatedAt: after.updated_at ? new Date(after.updated_at).toISOString() : null,
  };
}
