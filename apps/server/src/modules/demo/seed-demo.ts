import { type Kysely, sql, type Transaction } from "kysely";
import { systemActor } from "../../platform/auth/principal.js";
import type { DB } from "../../platform/db/schema.js";
import type { Logger } from "../../platform/logging/logger.js";
import { createTeam, createUser, createWorkspace, iamRepository } from "../iam/index.js";
import { seedDemoCustomers } from "./seed-demo-data.js";
import { seedDemoDuplicates } from "./seed-demo-duplicates.js";
import { seedDemoForecast } from "./seed-demo-forecast.js";
import { seedDemoPlaybooks } from "./seed-demo-playbooks.js";
import { seedDemoSales } from "./seed-demo-sales.js";
import { seedDemoTasks } from "./seed-demo-tasks.js";

/** The demo workspace: a B2B tools company. Its sign-in is printed at every start. */
export const DEMO = {
  slug: "demo",
  name: "Northwind Tools",
  admin: { email: "demo@rapport.dev", name: "Alex Morgan", password: "rapport-demo" },
  rep: { email: "sam@rapport.dev", name: "Sam Rivera", password: "rapport-demo" },
  manager: { email: "priya@rapport.dev", name: "Priya Shah", password: "rapport-demo" },
};

/**
 * Seeds the demo workspace on the very first start (no workspace at all). Returns the demo
 * sign-in while the demo workspace exists, so the terminal can print it.
 */
export async function seedDemoWorkspaceIfEmpty(db: Kysely<DB>, log: Logger) {
  await db.transaction().execute(async (tx) => {
    // Several copies starting at once on an empty database seed it once.
    await sql`SELECT pg_advisory_xact_lock(7212026)`.execute(tx);
    const any = await tx.selectFrom("workspaces").select("id").limit(1).executeTakeFirst();
    if (any) return;
    log.info("seeding the demo workspace");
    await seedDemoWorkspace(tx);
  });
  const demo = await iamRepository.workspaceBySlug(db, DEMO.slug);
  if (!demo || !(await iamRepository.userByEmail(db, demo.id, DEMO.admin.email))) return undefined;
  return { email: DEMO.admin.email, password: DEMO.admin.password };
}

export async function seedDemoWorkspace(tx: Transaction<DB>) {
  {
    const ws = await createWorkspace(tx, { slug: DEMO.slug, name: DEMO.name, defaultCurrency: "EUR" });
    const actor = systemActor(ws.id);
    const admin = await createUser(tx, actor, { ...DEMO.admin, role: "admin" });
    const manager = await createUser(tx, actor, { ...DEMO.manager, role: "manager" });
    const rep = await createUser(tx, actor, { ...DEMO.rep, role: "member" });
    const sales = await createTeam(tx, actor, { name: "Sales EMEA", memberIds: [manager.id, rep.id] });
    await createTeam(tx, actor, { name: "Customer Success", memberIds: [admin.id] });
    const principal = {
      workspaceId: ws.id,
      actorType: "user" as const,
      actorId: admin.id,
      userId: admin.id,
      role: "admin" as const,
      teamIds: [sales.team.id],
      sessionId: null,
    };
    await tx.updateTable("workspaces").set({ default_country: "DE" }).where("id", "=", ws.id).execute();
    await seedDemoCustomers(tx, principal, [admin.id, manager.id, rep.id, rep.id]);
    await seedDemoTasks(tx, ws.id, [admin.id, manager.id, rep.id]);
    await seedDemoDuplicates(tx, principal);
    await seedDemoSales(tx, principal, [admin.id, manager.id, rep.id, rep.id]);
    await seedDemoForecast(tx, principal, { managerId: manager.id, repId: rep.id, teamId: sales.team.id });
    await seedDemoPlaybooks(tx, principal);
    return ws;
  }
}
