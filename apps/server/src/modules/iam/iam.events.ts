/** Event types the identity module writes to the outbox. */
export const IAM_EVENTS = {
  workspaceCreated: "workspace.created",
  workspaceUpdated: "workspace.updated",
  userCreated: "user.created",
  userUpdated: "user.updated",
  userSignedIn: "user.signed_in",
  passwordChanged: "user.password_changed",
  teamCreated: "team.created",
  teamUpdated: "team.updated",
  teamDeleted: "team.deleted",
  apiKeyCreated: "api_key.created",
  apiKeyRevoked: "api_key.revoked",
} as const;
