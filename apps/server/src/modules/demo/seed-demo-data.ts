import type { Transaction } from "kysely";
import { v7 as uuidv7 } from "uuid";
import type { Principal } from "../../platform/auth/principal.js";
import type { DB } from "../../platform/db/schema.js";
import { companyContext, createCompany } from "../companies/index.js";
import { contactContext, createContact } from "../contacts/index.js";
import { createInteraction, interactionContext } from "../interactions/index.js";
import { DEMO_CALL_OUTCOMES, DEMO_COMPANIES, DEMO_PEOPLE_FIRST, DEMO_PEOPLE_LAST, DEMO_SUBJECTS, DEMO_TITLES } from "./demo-data.js";

/** A small deterministic pseudo-random generator, so every demo is the same. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 24 * 3600_000;

/**
 * Companies, people and two years of interactions for the demo workspace, written through
 * the same commands as the API (so search, events and the audit trail are complete).
 */
export async function seedDemoCustomers(tx: Transaction<DB>, admin: Principal, ownerIds: string[]) {
  const rnd = prng(20261125);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const ws = admin.workspaceId;
  await tx
    .insertInto("custom_field_definitions")
    .values([
      {
        workspace_id: ws,
        id: uuidv7(),
        object_type: "company",
        key: "account_tier",
        label: "Account tier",
        type: "select",
        options: JSON.stringify(["Gold", "Silver", "Bronze"]),
        position: 1,
      },
      {
        workspace_id: ws,
        id: uuidv7(),
        object_type: "contact",
        key: "preferred_channel",
        label: "Preferred channel",
        type: "select",
        options: JSON.stringify(["Email", "Phone", "Visit"]),
        position: 1,
      },
    ])
    .execute();
  const companyCtx = await companyContext(tx, admin, "DE");
  const companies = [];
  for (const [name, domain, industry, country, region, employees] of DEMO_COMPANIES) {
    companies.push(
      await createCompany(companyCtx, {
        name,
        domain,
        industry,
        country,
        region,
        employees,
        size: employees > 1000 ? "1000+" : employees > 200 ? "201–1000" : "1–200",
        lifecycleStage: pick(["customer", "customer", "prospect", "lead", "churned"] as const),
        ownerId: pick(ownerIds),
        tags: rnd() < 0.3 ? ["key account"] : [],
        custom: { account_tier: pick(["Gold", "Silver", "Bronze"]) },
      }),
    );
  }
  const contactCtx = await contactContext(tx, admin, "DE");
  const people = [];
  for (let i = 0; i < 140; i++) {
    const company = i < 120 ? companies[i % companies.length] : undefined;
    const firstName = DEMO_PEOPLE_FIRST[(i * 7) % DEMO_PEOPLE_FIRST.length] as string;
    const lastName = DEMO_PEOPLE_LAST[(i * 11 + Math.floor(i / 30)) % DEMO_PEOPLE_LAST.length] as string;
    const local = `${firstName}.${lastName}`
      .normalize("NFKD")
      .replace(/[^A-Za-z.]/g, "")
      .toLowerCase();
    people.push(
      await createContact(contactCtx, {
        firstName,
        lastName,
        title: company ? pick(DEMO_TITLES) : null,
        emails: [`${local}@${company?.domain ?? pick(["mail.example", "post.example"])}`],
        phones: [`+49 30 ${String(2000000 + i * 7919).slice(0, 7)}`],
        lifecycleStage: company
          ? company.lifecycleStage === "churned"
            ? "churned"
            : pick(["customer", "prospect", "lead", "opportunity"] as const)
          : "customer",
        source: pick(["website", "trade show", "referral", "outbound"]),
        ownerId: company?.ownerId ?? pick(ownerIds),
        tags: rnd() < 0.15 ? ["decision maker"] : [],
        companies: company ? [{ companyId: company.id, role: "employee", isPrimary: true }] : [],
        custom: { preferred_channel: pick(["Email", "Phone", "Visit"]) },
      }),
    );
  }
  const interactionCtx = await interactionContext(tx, admin);
  const now = Date.now();
  for (let i = 0; i < 500; i++) {
    const person = pick(people);
    const type = pick(["call", "call", "email", "email", "meeting", "note", "chat", "visit"] as const);
    const occurredAt = new Date(now - Math.floor(rnd() * 730 * DAY)).toISOString();
    await createInteraction(interactionCtx, {
      type,
      occurredAt,
      subject: pick(DEMO_SUBJECTS[type]),
      body: type === "note" || type === "email" ? "Summary written by the account owner." : null,
      direction: type === "call" || type === "email" ? pick(["inbound", "outbound"] as const) : null,
      durationSeconds: type === "call" ? 60 + Math.floor(rnd() * 1800) : type === "meeting" ? 3600 : null,
      outcome: type === "call" ? pick(DEMO_CALL_OUTCOMES) : null,
      contactIds: [person.id],
      companyIds: person.companies.map((c) => c.companyId),
      attendeeIds: [],
    });
  }
}
