import type { Product } from "@rapport/contract";
import { sql, type Transaction } from "kysely";
import { actorOf, type Principal } from "../../platform/auth/principal.js";
import type { DB } from "../../platform/db/schema.js";
import { createDeal, createPipeline, dealContext, moveDeal } from "../deals/index.js";
import { createProduct } from "../products/index.js";

/** Tools, consumables and services of the demo company; unit prices in EUR minor units (USD +8 %). */
const PRODUCTS: [code: string, name: string, line: string, eur: number][] = [
  ["DRL-18V", "Cordless drill 18 V", "Power tools", 189_00],
  ["IMP-WR", "Impact wrench ½″", "Power tools", 249_00],
  ["ANG-125", "Angle grinder 125 mm", "Power tools", 129_00],
  ["SAW-CIR", "Circular saw 190 mm", "Power tools", 219_00],
  ["TRQ-DIG", "Digital torque wrench", "Precision tools", 349_00],
  ["CAL-SET", "Calibration kit", "Precision tools", 899_00],
  ["LAS-LVL", "Laser level", "Precision tools", 459_00],
  ["BIT-100", "Drill bit set, 100 pcs", "Consumables", 59_90],
  ["DSC-25", "Cutting discs, box of 25", "Consumables", 34_50],
  ["BAT-5AH", "Battery pack 5 Ah", "Accessories", 89_00],
  ["CHG-FST", "Fast charger", "Accessories", 69_00],
  ["CASE-L", "Tool case, large", "Accessories", 45_00],
  ["SVC-MNT", "Maintenance plan, per tool and year", "Services", 120_00],
  ["SVC-TRN", "On-site training day", "Services", 1_450_00],
  ["SVC-RPR", "Repair service, flat rate", "Services", 95_00],
];

const DAY = 86_400_000;

function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Products, a "Sales" and a "Renewals" pipeline and 80 deals on the demo companies and
 * people, moved through their stages by the same commands as the API; the stage history is
 * then spread over the past year so the board, rotting flags and history look lived-in.
 */
export async function seedDemoSales(tx: Transaction<DB>, admin: Principal, ownerIds: string[]) {
  const rnd = prng(20261129);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const ws = admin.workspaceId;
  const actor = actorOf(admin);
  const products: Product[] = [];
  for (const [code, name, productLine, eur] of PRODUCTS) {
    products.push(
      await createProduct(tx, actor, {
        code,
        name,
        productLine,
        prices: [
          { currency: "EUR", unitPriceMinor: eur },
          { currency: "USD", unitPriceMinor: Math.round((eur * 1.08) / 10) * 10 },
        ],
      }),
    );
  }
  const sales = await createPipeline(tx, actor, { name: "Sales" });
  const renewals = await createPipeline(tx, actor, {
    name: "Renewals",
    stages: [
      { name: "Upcoming", probability: 40, rottingDays: 45 },
      { name: "In talks", probability: 70, rottingDays: 21 },
      { name: "Renewed", probability: 100, kind: "won" },
      { name: "Churned", probability: 0, kind: "lost" },
    ],
  });
  const companies = (
    await sql<{ id: string; name: string; owner_id: string | null; region: string | null }>`
      SELECT id, name, owner_id, region FROM companies WHERE workspace_id = ${ws}::uuid ORDER BY name`.execute(tx)
  ).rows;
  const people = (
    await sql<{ company_id: string; contact_id: string }>`
      SELECT company_id, contact_id FROM contact_companies WHERE workspace_id = ${ws}::uuid ORDER BY contact_id`.execute(tx)
  ).rows;
  const ctx = await dealContext(tx, admin);
  const now = Date.now();
  for (let i = 0; i < 80; i++) {
    const pipeline = i < 65 ? sales : renewals;
    const open = pipeline.stages.filter((s) => s.kind === "open");
    const won = pipeline.stages.find((s) => s.kind === "won");
    const lost = pipeline.stages.find((s) => s.kind === "lost");
    const company = companies[i % companies.length];
    if (!company || !won || !lost) continue;
    const contacts = people.filter((p) => p.company_id === company.id).slice(0, 1 + (i % 2));
    const currency = company.region === "Americas" ? "USD" : "EUR";
    const withLines = rnd() < 0.45;
    const lineItems = withLines
      ? Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => ({
          productId: pick(products).id,
          quantity: pick([1, 2, 5, 10, 20, 50]),
          ...(rnd() < 0.3 ? { discountPercent: pick([5, 10, 12.5]) } : {}),
        }))
      : [];
    // The path, planned backwards from its end: a closed deal closes within the last eleven
    // months after a 3-16 week cycle, near the date it was expected to close (so past quarters'
    // forecasts, replayed from the snapshots, predicted it); an open one started in the last five
    // months, went some stages in, and is expected to close in the coming months.
    const closes = rnd() < 0.55;
    const end = closes ? now - Math.floor((1 + rnd() * 330) * DAY) : now - DAY;
    const createdAt = closes ? end - Math.floor((21 + rnd() * 90) * DAY) : now - Math.floor((1 + rnd() * 150) * DAY);
    const age = (now - createdAt) / DAY;
    const steps = closes
      ? Math.floor(rnd() * open.length)
      : Math.min(open.length - 1, Math.floor(rnd() * open.length * Math.min(1, age / 60)));
    const path = open.slice(1, steps + 1);
    if (closes) path.push(rnd() < 0.55 ? won : lost);
    const span = closes ? end - createdAt : Math.max(DAY, (end - createdAt) * rnd());
    const dates = [createdAt, ...path.map((_, k) => createdAt + Math.floor((span * (k + 1)) / path.length))];
    const expectedClose = closes ? end + (rnd() * 30 - 20) * DAY : now + (7 + rnd() * 170) * DAY;
    const deal = await createDeal(ctx, {
      name: `${company.name} – ${pick(["tool fleet", "service contract", "expansion", "replacement", "pilot", "framework order"])}`,
      pipelineId: pipeline.id,
      currency,
      ...(withLines ? { lineItems } : { amountMinor: pick([4_500, 9_800, 15_000, 24_000, 38_000, 62_000, 120_000]) * 100 }),
      expectedCloseDate: new Date(expectedClose).toISOString().slice(0, 10),
      ownerId: company.owner_id ?? pick(ownerIds),
      companyId: company.id,
      contacts: contacts.map((c, k) => ({ contactId: c.contact_id, role: k === 0 ? "Decision maker" : "Champion" })),
      source: pick(["website", "trade show", "referral", "outbound"]),
      ...(rnd() < 0.3 ? { campaign: pick(["Spring trade fair", "Cordless week", "Service upsell Q3"]) } : {}),
    });
    for (const stage of path) {
      await moveDeal(ctx, deal.id, {
        stageId: stage.id,
        ...(stage.kind === "lost" ? { lostReason: pick(["Price", "Went with a competitor", "No budget", "Timing"]) } : {}),
      });
    }
    await backdate(
      tx,
      ws,
      deal.id,
      dates.map((d) => new Date(d)),
    );
  }
}

/** Spreads one deal's stage periods and snapshots over `dates` (one date per stage entered). */
async function backdate(tx: Transaction<DB>, ws: string, dealId: string, dates: Date[]) {
  const iso = dates.map((d) => d.toISOString());
  await sql`UPDATE deal_stage_periods p SET entered_at = x.entered, left_at = x.left_at
              FROM (SELECT id, (${iso}::timestamptz[])[n] AS entered, (${iso}::timestamptz[])[n + 1] AS left_at
                      FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM deal_stage_periods
                             WHERE workspace_id = ${ws}::uuid AND deal_id = ${dealId}::uuid) o) x
             WHERE p.workspace_id = ${ws}::uuid AND p.id = x.id`.execute(tx);
  await sql`UPDATE deal_snapshots s SET recorded_at = x.at
              FROM (SELECT id, (${iso}::timestamptz[])[n] AS at
                      FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM deal_snapshots
                             WHERE workspace_id = ${ws}::uuid AND deal_id = ${dealId}::uuid) o) x
             WHERE s.workspace_id = ${ws}::uuid AND s.id = x.id`.execute(tx);
  const last = iso[iso.length - 1];
  await sql`UPDATE deals d SET created_at = ${iso[0]}::timestamptz, updated_at = ${last}::timestamptz,
                                stage_entered_at = ${last}::timestamptz,
                                closed_at = CASE WHEN d.status = 'open' THEN NULL ELSE ${last}::timestamptz END,
                                rots_at = CASE WHEN s.kind = 'open' AND s.rotting_days IS NOT NULL
                                               THEN ${last}::timestamptz + make_interval(days => s.rotting_days) END
              FROM pipeline_stages s
             WHERE s.workspace_id = d.workspace_id AND s.id = d.stage_id AND d.workspace_id = ${ws}::uuid AND d.id = ${dealId}::uuid`.execute(
    tx,
  );
}
