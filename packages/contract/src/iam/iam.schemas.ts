import { z } from "zod";
import { emailSchema, roleSchema, uuid } from "../platform/common.js";

export const permissionSchema = z.enum([
  "workspace.manage",
  "users.read",
  "users.manage",
  "teams.manage",
  "api_keys.manage",
  "audit.read",
  "records.read",
  "records.write",
  "records.delete",
  "sales.manage",
]);
export type Permission = z.infer<typeof permissionSchema>;

export const recordVisibilitySchema = z.enum(["all", "team", "own"]);

export const workspaceSchema = z.object({
  id: uuid,
  slug: z.string(),
  name: z.string(),
  defaultCurrency: z.string(),
  createdAt: z.iso.datetime(),
});
export type Workspace = z.infer<typeof workspaceSchema>;

export const userSchema = z.object({
  id: uuid,
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  active: z.boolean(),
  teamIds: z.array(uuid),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type User = z.infer<typeof userSchema>;

export const meSchema = z.object({
  user: userSchema,
  workspace: workspaceSchema,
  permissions: z.array(permissionSchema),
  recordVisibility: recordVisibilitySchema,
});
export type Me = z.infer<typeof meSchema>;

export const signInBodySchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1).max(1000),
  workspace: z.string().trim().toLowerCase().max(63).optional(),
});

export const changePasswordBodySchema = z.strictObject({
  currentPassword: z.string().min(1).max(1000),
  newPassword: z.string().min(10, "at least 10 characters").max(1000),
});

export const createUserBodySchema = z.strictObject({
  email: emailSchema,
  name: z.string().trim().min(1).max(200),
  role: roleSchema,
  password: z.string().min(10, "at least 10 characters").max(1000),
});

export const updateUserBodySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    role: roleSchema,
    active: z.boolean(),
  })
  .partial();

export const teamSchema = z.object({
  id: uuid,
  name: z.string(),
  memberIds: z.array(uuid),
  createdAt: z.iso.datetime(),
});
export type Team = z.infer<typeof teamSchema>;

export const createTeamBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  memberIds: z.array(uuid).max(1000).default([]),
});
export const updateTeamBodySchema = createTeamBodySchema.partial();

export const roleInfoSchema = z.object({
  role: roleSchema,
  label: z.string(),
  description: z.string(),
  permissions: z.array(permissionSchema),
  recordVisibility: recordVisibilitySchema,
});

export const apiKeySchema = z.object({
  id: uuid,
  name: z.string(),
  role: roleSchema,
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;

export const createApiKeyBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  role: roleSchema,
});

export const createdApiKeySchema = z.object({
  apiKey: apiKeySchema,
  /** Shown once: only a hash is stored. */
  secret: z.string(),
});

export const updateWorkspaceBodySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    defaultCurrency: z.string().regex(/^[A-Z]{3}$/, "an ISO 4217 code such as EUR"),
  })
  .partial();
