import type { Transaction } from "kysely";
import { v7 as uuidv7 } from "uuid";
import type { Actor } from "../../../platform/auth/principal.js";
import type { DB } from "../../../platform/db/schema.js";
import { diff, recordEvent } from "../../../platform/events/outbox.js";
import { badRequest, conflict, notFound } from "../../../platform/http/problem.js";
import { IAM_EVENTS } from "../iam.events.js";
import { iamRepository, type TeamRow } from "../iam.repository.js";

async function assertMembersExist(tx: Transaction<DB>, workspaceId: string, memberIds: string[]) {
  const unique = [...new Set(memberIds)];
  if ((await iamRepository.countUsers(tx, workspaceId, unique)) !== unique.length) {
    throw badRequest("unknown_users", "Some members are not users of this workspace.", [
      { path: "body.memberIds", message: "unknown user" },
    ]);
  }
  return unique.sort();
}

async function assertNameFree(tx: Transaction<DB>, workspaceId: string, name: string, except?: string) {
  const teams = await iamRepository.listTeams(tx, workspaceId);
  if (teams.some((t) => t.name === name && t.id !== except)) throw conflict("team_exists", "A team with this name exists already.");
}

export async function createTeam(
  tx: Transaction<DB>,
  actor: Actor,
  input: { name: string; memberIds: string[] },
): Promise<{ team: TeamRow; memberIds: string[] }> {
  const memberIds = await assertMembersExist(tx, actor.workspaceId, input.memberIds);
  await assertNameFree(tx, actor.workspaceId, input.name);
  const team = await tx
    .insertInto("teams")
    .values({ workspace_id: actor.workspaceId, id: uuidv7(), name: input.name })
    .returningAll()
    .executeTakeFirstOrThrow();
  await iamRepository.setTeamMembers(tx, actor.workspaceId, team.id, memberIds);
  await recordEvent(tx, actor, {
    type: IAM_EVENTS.teamCreated,
    entityType: "team",
    entityId: team.id,
    payload: { after: { name: team.name, memberIds } },
  });
  return { team, memberIds };
}

export async function updateTeam(
  tx: Transaction<DB>,
  actor: Actor,
  id: string,
  patch: { name?: string | undefined; memberIds?: string[] | undefined },
): Promise<{ team: TeamRow; memberIds: string[] }> {
  const before = await iamRepository.teamById(tx, actor.workspaceId, id);
  if (!before) throw notFound("team");
  const beforeMembers = (await iamRepository.memberIdsByTeam(tx, actor.workspaceId, [id])).get(id) ?? [];
  let team = before;
  if (patch.name !== undefined && patch.name !== before.name) {
    await assertNameFree(tx, actor.workspaceId, patch.name, id);
    team = await tx
      .updateTable("teams")
      .set({ name: patch.name })
      .where("workspace_id", "=", actor.workspaceId)
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }
  let memberIds = beforeMembers;
  if (patch.memberIds !== undefined) {
    memberIds = await assertMembersExist(tx, actor.workspaceId, patch.memberIds);
    await iamRepository.setTeamMembers(tx, actor.workspaceId, id, memberIds);
  }
  const changes = diff({ name: before.name, memberIds: beforeMembers }, { name: team.name, memberIds });
  if (Object.keys(changes).length > 0) {
    await recordEvent(tx, actor, { type: IAM_EVENTS.teamUpdated, entityType: "team", entityId: id, payload: { changes } });
  }
  return { team, memberIds };
}

export async function deleteTeam(tx: Transaction<DB>, actor: Actor, id: string): Promise<void> {
  const team = await iamRepository.teamById(tx, actor.workspaceId, id);
  if (!team) throw notFound("team");
  await tx.deleteFrom("teams").where("workspace_id", "=", actor.workspaceId).where("id", "=", id).execute();
  await recordEvent(tx, actor, {
    type: IAM_EVENTS.teamDeleted,
    entityType: "team",
    entityId: id,
    payload: { before: { name: team.name } },
  });
}
