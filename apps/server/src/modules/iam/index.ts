/** The identity and access module: workspaces, users, teams, roles, sessions and API keys. */

export { createUser } from "./commands/create-user.js";
export { createWorkspace } from "./commands/create-workspace.js";
export { createApiKey, revokeApiKey } from "./commands/manage-api-keys.js";
export { createTeam } from "./commands/save-team.js";
export { canSeeIamEvent } from "./iam.policy.js";
export { iamRepository } from "./iam.repository.js";
export { registerIamRoutes } from "./iam.routes.js";
export { canSeeOwner, type RecordVisibility, recordVisibility } from "./record-visibility.js";
export { createAuthenticator } from "./sessions.js";
export { registerTimeZoneRoutes, timeZoneOf } from "./time-zone.js";
