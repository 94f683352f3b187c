import crypto from "node:crypto";
import { emailSchema, roleSchema } from "@rapport/contract";
import { type Command, Option } from "commander";
import pg from "pg";
import { z } from "zod";
import { createApiKey, createUser, createWorkspace, iamRepository } from "../modules/iam/index.js";
import { systemActor } from "../platform/auth/principal.js";
import { migrate } from "../platform/db/migrate.js";
import { withDatabase } from "./context.js";

const slugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "lowercase letters, digits and dashes (2–63)");
const roles = roleSchema.options;

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new Error(`${what}: ${r.error.issues[0]?.message ?? "invalid"}`);
  return r.data;
}

async function workspaceId(db: Parameters<typeof iamRepository.workspaceBySlug>[0], slug: string) {
  const ws = await iamRepository.workspaceBySlug(db, slug);
  if (!ws) throw new Error(`no workspace "${slug}" (list them with: rapport workspaces list)`);
  return ws.id;
}

export function registerAdminCommands(program: Command) {
  program
    .command("migrate")
    .description("apply pending database migrations")
    .action(() =>
      withDatabase(
        async (database, log) => {
          const admin = new pg.Client(database.adminConnection);
          await admin.connect();
          try {
            const applied = await migrate(admin, log);
            process.stderr.write(applied.length ? `applied ${applied.join(", ")}\n` : "the schema is up to date\n");
          } finally {
            await admin.end();
          }
        },
        { migrate: false },
      ),
    );

  const workspaces = program.command("workspaces").description("manage workspaces (tenants)");
  workspaces
    .command("create <slug>")
    .description("create a workspace")
    .option("--name <name>", "display name (defaults to the slug)")
    .action((slug: string, opts: { name?: string }) =>
      withDatabase(async ({ db }) => {
        const ws = await db
          .transaction()
          .execute((tx) => createWorkspace(tx, { slug: parse(slugSchema, slug, "slug"), name: opts.name ?? slug }));
        process.stdout.write(`${ws.id}\n`);
      }),
    );
  workspaces
    .command("list")
    .description("list workspaces")
    .action(() =>
      withDatabase(async ({ db }) => {
        const rows = await db.selectFrom("workspaces").select(["slug", "name", "id"]).orderBy("slug").execute();
        for (const r of rows) process.stdout.write(`${r.slug}\t${r.name}\t${r.id}\n`);
      }),
    );

  program
    .command("users")
    .description("manage users")
    .command("create")
    .description("create a user; prints a generated password when none is given")
    .requiredOption("--workspace <slug>", "workspace slug")
    .requiredOption("--email <email>", "email address")
    .addOption(new Option("--role <role>", "role").choices(roles).default("member"))
    .option("--name <name>", "display name (defaults to the email)")
    .addOption(new Option("--password <password>", "password (at least 10 characters)").env("RAPPORT_NEW_PASSWORD"))
    .action((opts: { workspace: string; email: string; role: string; name?: string; password?: string }) =>
      withDatabase(async ({ db }) => {
        const email = parse(emailSchema, opts.email, "email");
        const generated = opts.password ? undefined : crypto.randomBytes(12).toString("base64url");
        const password = parse(z.string().min(10, "at least 10 characters"), opts.password ?? generated, "password");
        const wsId = await workspaceId(db, opts.workspace);
        const user = await db
          .transaction()
          .execute((tx) =>
            createUser(tx, systemActor(wsId), { email, name: opts.name ?? email, role: parse(roleSchema, opts.role, "role"), password }),
          );
        process.stdout.write(generated ? `${user.id}\t${generated}\n` : `${user.id}\n`);
      }),
    );

  program
    .command("api-keys")
    .description("manage API keys")
    .command("create")
    .description("create an API key and print it (only the key, on stdout)")
    .requiredOption("--workspace <slug>", "workspace slug")
    .addOption(new Option("--role <role>", "role the key acts with").choices(roles).makeOptionMandatory())
    .requiredOption("--name <name>", "what the key is for")
    .action((opts: { workspace: string; role: string; name: string }) =>
      withDatabase(async ({ db }) => {
        const wsId = await workspaceId(db, opts.workspace);
        const { secret } = await db
          .transaction()
          .execute((tx) => createApiKey(tx, systemActor(wsId), { name: opts.name, role: parse(roleSchema, opts.role, "role") }));
        process.stdout.write(`${secret}\n`);
      }),
    );
}
