import { type Endpoint, forecastEndpoints, quotaEndpoints } from "@rapport/contract";
import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  as,
  createTestWorkspace,
  snapshotCounts,
  startTestApi,
  type TestApi,
  type TestUser,
  type TestWorkspace,
} from "../../test/harness.js";
import { periodContaining, shiftPeriod, todayIn } from "./period.rules.js";

/**
 * The forecast over HTTP against hand-computed fixtures. Deals are written as rows (the deals
 * module's commands are another engineer's), with the stage history the accuracy replays.
 */
let api: TestApi;
let ws: TestWorkspace;
let other: TestWorkspace;
const ZERO = "00000000-0000-4000-8000-000000000000";
const stage: Record<"qualify" | "propose" | "negotiate" | "won" | "lost", string> = {
  qualify: uuidv7(),
  propose: uuidv7(),
  negotiate: uuidv7(),
  won: uuidv7(),
  lost: uuidv7(),
};
const probability = { qualify: 10, propose: 40, negotiate: 80, won: 100, lost: 0 };
const pipelineId = uuidv7();
const ids: Record<string, string> = {};
// The period before the current one: what the accuracy report looks at first.
const lastQuarter = shiftPeriod(periodContaining("quarter", todayIn("UTC")), -1);
const daysFrom = (day: string, n: number) => new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000);

type DealSpec = {
  key: string;
  owner: string | null;
  stage: keyof typeof stage;
  amount: number;
  currency?: string;
  ecd?: string | null;
  closedAt?: string | Date | null;
  createdAt?: string;
  region?: string | null;
  deleted?: boolean;
};

async function insertDeal(d: DealSpec) {
  const id = uuidv7();
  ids[d.key] = id;
  const status = d.stage === "won" ? "won" : d.stage === "lost" ? "lost" : "open";
  await api.db
    .insertInto("deals")
    .values({
      workspace_id: ws.id,
      id,
      name: `Deal ${d.key}`,
      pipeline_id: pipelineId,
      stage_id: stage[d.stage],
      status,
      closed_at: d.closedAt ?? null,
      amount_minor: d.amount,
      currency: d.currency ?? "EUR",
      expected_close_date: d.ecd ?? null,
      owner_id: d.owner,
      region: d.region === undefined ? "EMEA" : d.region,
      created_at: d.createdAt ?? "2025-01-01T00:00:00Z",
      deleted_at: d.deleted ? new Date() : null,
    })
    .execute();
  return id;
}

async function snapshot(dealId: string, at: Date, s: keyof typeof stage, amount: number, ecd: string) {
  await api.db
    .insertInto("deal_snapshots")
    .values({
      workspace_id: ws.id,
      id: uuidv7(),
      deal_id: dealId,
      recorded_at: at,
      pipeline_id: pipelineId,
      stage_id: stage[s],
      status: s === "won" ? "won" : s === "lost" ? "lost" : "open",
      amount_minor: amount,
      currency: "EUR",
      probability: probability[s],
      expected_close_date: ecd,
    })
    .execute();
}

async function stay(dealId: string, s: keyof typeof stage, enteredAt: string) {
  await api.db
    .insertInto("deal_stage_periods")
    .values({ workspace_id: ws.id, id: uuidv7(), deal_id: dealId, pipeline_id: pipelineId, stage_id: stage[s], entered_at: enteredAt })
    .execute();
}

beforeAll(async () => {
  api = await startTestApi();
  ws = await createTestWorkspace(api);
  other = await createTestWorkspace(api);
  await api.db.updateTable("workspaces").set({ default_currency: "EUR" }).where("id", "=", ws.id).execute();
  await api.db.insertInto("pipelines").values({ workspace_id: ws.id, id: pipelineId, name: "Sales" }).execute();
  let position = 0;
  for (const [name, id] of Object.entries(stage)) {
    const kind = name === "won" ? "won" : name === "lost" ? "lost" : "open";
    await api.db
      .insertInto("pipeline_stages")
      .values({
        workspace_id: ws.id,
        id,
        pipeline_id: pipelineId,
        name,
        position: position++,
        probability: probability[name as keyof typeof stage],
        kind,
      })
      .execute();
  }
  const { admin: A, manager: G, member: M } = ws.users;
  // 2025-Q2 fixtures (hand-computed figures in the tests below).
  await insertDeal({
    key: "d1",
    owner: G.id,
    stage: "won",
    amount: 10_000,
    closedAt: "2025-05-10T12:00:00Z",
    createdAt: "2025-04-10T12:00:00Z",
  });
  await insertDeal({ key: "d2", owner: G.id, stage: "negotiate", amount: 5_000, ecd: "2025-06-30" });
  await insertDeal({ key: "d3", owner: M.id, stage: "propose", amount: 3_000, ecd: "2025-04-01", region: "APAC" });
  await insertDeal({ key: "d4", owner: M.id, stage: "qualify", amount: 2_001, ecd: "2025-05-15", region: "APAC" });
  await insertDeal({ key: "d5", owner: null, stage: "propose", amount: 1_000, currency: "USD", ecd: "2025-05-01", region: null });
  // Closed 23:30 UTC on 31 March: still Q1 in UTC, already 1 April (Q2) in Berlin.
  await insertDeal({ key: "d6", owner: A.id, stage: "won", amount: 7_000, closedAt: "2025-03-31T23:30:00Z" });
  await insertDeal({ key: "d7", owner: G.id, stage: "lost", amount: 9_999, closedAt: "2025-05-01T10:00:00Z" });
  await insertDeal({ key: "d8", owner: G.id, stage: "negotiate", amount: 4_444, ecd: "2025-07-01" });
  await insertDeal({ key: "d9", owner: G.id, stage: "negotiate", amount: 8_888, ecd: "2025-05-05", deleted: true });
  await insertDeal({ key: "d10", owner: G.id, stage: "negotiate", amount: 1_234, ecd: null });
  await stay(ids.d2 as string, "qualify", "2025-04-05T09:00:00Z");
  await stay(ids.d2 as string, "negotiate", "2025-04-20T09:00:00Z");
  await stay(ids.d3 as string, "qualify", "2025-04-06T09:00:00Z");
  await stay(ids.d3 as string, "propose", "2025-04-25T09:00:00Z");
  await stay(ids.d4 as string, "qualify", "2025-04-07T09:00:00Z");
  // Last quarter, replayed: at its start d11 was 6 000 in commit and d12 2 000 in best case;
  // d11 was then won for 5 000 and d12 slipped out of the quarter.
  const d11 = await insertDeal({ key: "d11", owner: G.id, stage: "won", amount: 5_000, closedAt: daysFrom(lastQuarter.start, 20) });
  await snapshot(d11, daysFrom(lastQuarter.start, -10), "negotiate", 6_000, lastQuarter.end);
  await snapshot(d11, daysFrom(lastQuarter.start, 20), "won", 5_000, lastQuarter.end);
  const d12 = await insertDeal({ key: "d12", owner: G.id, stage: "propose", amount: 2_000, ecd: "2099-01-01" });
  await snapshot(d12, daysFrom(lastQuarter.start, -5), "propose", 2_000, lastQuarter.start);
  await snapshot(d12, daysFrom(lastQuarter.start, 5), "propose", 2_000, "2099-01-01");
  // A snapshot made after the quarter began never counts for its forecast.
  const d13 = await insertDeal({ key: "d13", owner: G.id, stage: "negotiate", amount: 777, ecd: lastQuarter.end });
  await snapshot(d13, daysFrom(lastQuarter.start, 1), "negotiate", 777, lastQuarter.end);
});
afterAll(() => api?.close());

const get = async (user: TestUser, url: string) => {
  const res = await as(api, user, { method: "GET", url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
type Figures = Record<string, number | string | null>;
const byCurrency = (figures: Figures[], currency: string) => figures.find((f) => f.currency === currency);

describe("forecast", () => {
  it("answers 401 on every endpoint without credentials", async () => {
    const all: Endpoint[] = [...Object.values(forecastEndpoints), ...Object.values(quotaEndpoints)];
    for (const e of all) {
      const res = await api.app.inject({ method: e.method, url: e.path.replace("{id}", ZERO), payload: e.body ? {} : undefined });
      expect(res.statusCode, `${e.method} ${e.path}`).toBe(401);
    }
  });

  it("adds up closed won, commit, best case and pipelines of a quarter (hand-computed, admin sees all)", async () => {
    const f = await get(ws.users.admin, "/api/v1/forecast?period=2025-Q2&groupBy=rep");
    expect(f.period).toEqual({ kind: "quarter", key: "2025-Q2", start: "2025-04-01", end: "2025-06-30", timeZone: "UTC" });
    expect(f.currency).toBe("EUR");
    expect(f.total[0]).toEqual({
      currency: "EUR",
      closedWonMinor: 10_000,
      commitMinor: 15_000,
      bestCaseMinor: 18_000,
      openPipelineMinor: 10_001,
      weightedPipelineMinor: 4_000 + 1_200 + 200,
      wonCount: 1,
      openCount: 3,
      quotaMinor: null,
      attainmentPercent: null,
    });
    expect(byCurrency(f.total, "USD")).toMatchObject({
      closedWonMinor: 0,
      commitMinor: 0,
      bestCaseMinor: 1_000,
      weightedPipelineMinor: 400,
    });
    const manager = f.rows.find((r: { key: string }) => r.key === ws.users.manager.id);
    expect(manager.label).toBe("manager user");
    expect(manager.figures[0]).toMatchObject({ closedWonMinor: 10_000, commitMinor: 15_000, bestCaseMinor: 15_000, openCount: 1 });
    const unassigned = f.rows.find((r: { key: string | null }) => r.key === null);
    expect(unassigned.label).toBe("Unassigned");

    const byRegion = await get(ws.users.admin, "/api/v1/forecast?period=2025-Q2&groupBy=region");
    const apac = byRegion.rows.find((r: { key: string }) => r.key === "APAC");
    expect(apac.figures[0]).toMatchObject({ bestCaseMinor: 3_000, openPipelineMinor: 5_001, weightedPipelineMinor: 1_400 });

    const month = await get(ws.users.admin, "/api/v1/forecast?period=2025-05");
    expect(month.total[0]).toMatchObject({ closedWonMinor: 10_000, commitMinor: 10_000, bestCaseMinor: 10_000, openPipelineMinor: 2_001 });
  });

  it("visibility: a member sees own and unassigned deals, then its team's; the total changes accordingly", async () => {
    const member = ws.users.member;
    const alone = await get(member, "/api/v1/forecast?period=2025-Q2");
    expect(byCurrency(alone.total, "EUR")).toMatchObject({
      closedWonMinor: 0,
      commitMinor: 0,
      bestCaseMinor: 3_000,
      openPipelineMinor: 5_001,
    });
    expect(byCurrency(alone.total, "USD")).toMatchObject({ bestCaseMinor: 1_000 });
    expect(alone.rows.map((r: { key: string | null }) => r.key).sort()).toEqual([member.id, null].sort());
    // Nor through the drill-down.
    const hidden = await get(member, `/api/v1/forecast/deals?period=2025-Q2&measure=closedWon&groupBy=rep&key=${ws.users.manager.id}`);
    expect(hidden.items).toEqual([]);
    const metricsAlone = await get(member, "/api/v1/sales-metrics?period=2025-Q2");
    expect(metricsAlone.total.wonCount).toBe(0);

    const team = uuidv7();
    await api.db.insertInto("teams").values({ workspace_id: ws.id, id: team, name: "Field sales" }).execute();
    await api.db
      .insertInto("team_members")
      .values([
        { workspace_id: ws.id, team_id: team, user_id: member.id },
        { workspace_id: ws.id, team_id: team, user_id: ws.users.manager.id },
      ])
      .execute();
    try {
      const withTeam = await get(member, "/api/v1/forecast?period=2025-Q2&groupBy=team");
      expect(byCurrency(withTeam.total, "EUR")).toMatchObject({ closedWonMinor: 10_000, commitMinor: 15_000, bestCaseMinor: 18_000 });
      const row = withTeam.rows.find((r: { key: string }) => r.key === team);
      expect(row.label).toBe("Field sales");
      expect(row.figures[0]).toMatchObject({ commitMinor: 15_000, bestCaseMinor: 18_000 });
      const teamDeals = await get(member, `/api/v1/forecast/deals?period=2025-Q2&measure=commit&groupBy=team&key=${team}`);
      expect(teamDeals.items.map((d: { id: string }) => d.id)).toEqual([ids.d1, ids.d2]);
    } finally {
      await api.db.deleteFrom("teams").where("workspace_id", "=", ws.id).where("id", "=", team).execute();
    }
  });

  it("drills down: the deals behind a number add up to it, page by page", async () => {
    const admin = ws.users.admin;
    const commit = await get(admin, `/api/v1/forecast/deals?period=2025-Q2&measure=commit&groupBy=rep&key=${ws.users.manager.id}`);
    expect(commit.items.map((d: { id: string }) => d.id)).toEqual([ids.d1, ids.d2]);
    expect(commit.items[1]).toMatchObject({
      stageName: "negotiate",
      probability: 80,
      category: "commit",
      weightedAmountMinor: 4_000,
      expectedCloseDate: "2025-06-30",
    });
    const page1 = await get(admin, "/api/v1/forecast/deals?period=2025-Q2&measure=bestCase&currency=EUR&limit=2");
    expect(page1.items.map((d: { amountMinor: number }) => d.amountMinor)).toEqual([10_000, 5_000]);
    const page2 = await get(
      admin,
      `/api/v1/forecast/deals?period=2025-Q2&measure=bestCase&currency=EUR&limit=2&cursor=${page1.nextCursor}`,
    );
    expect(page2.items.map((d: { amountMinor: number }) => d.amountMinor)).toEqual([3_000]);
    expect(page2.nextCursor).toBeNull();
    const weighted = await get(admin, "/api/v1/forecast/deals?period=2025-Q2&measure=weightedPipeline&currency=EUR");
    expect(weighted.items.reduce((s: number, d: { weightedAmountMinor: number }) => s + d.weightedAmountMinor, 0)).toBe(5_400);
    const noRegion = await get(admin, "/api/v1/forecast/deals?period=2025-Q2&measure=bestCase&groupBy=region&key=none");
    expect(noRegion.items.map((d: { id: string }) => d.id)).toEqual([ids.d5]);
  });

  it("counts periods in the workspace's time zone", async () => {
    const put = await as(api, ws.users.admin, { method: "PUT", url: "/api/v1/forecast/settings", payload: { timeZone: "Europe/Berlin" } });
    expect(put.statusCode, put.body).toBe(200);
    try {
      const f = await get(ws.users.admin, "/api/v1/forecast?period=2025-Q2");
      expect(f.period.timeZone).toBe("Europe/Berlin");
      expect(f.total[0]).toMatchObject({ closedWonMinor: 17_000, wonCount: 2 });
    } finally {
      await as(api, ws.users.admin, { method: "PUT", url: "/api/v1/forecast/settings", payload: { timeZone: "UTC" } });
    }
    const bad = await as(api, ws.users.admin, {
      method: "PUT",
      url: "/api/v1/forecast/settings",
      payload: { timeZone: "UTC'; DROP TABLE deals; --" },
    });
    expect(bad.statusCode).toBe(400);
    const denied = await as(api, ws.users.manager, {
      method: "PUT",
      url: "/api/v1/forecast/settings",
      payload: { timeZone: "Asia/Tokyo" },
    });
    expect(denied.statusCode).toBe(403);
    expect((await get(ws.users.member, "/api/v1/forecast/settings")).timeZone).toBe("UTC");
  });

  it("replays the history: the forecast at the start of last quarter against what closed", async () => {
    const acc = await get(ws.users.admin, "/api/v1/forecast/accuracy?kind=quarter&periods=2");
    expect(acc.items).toHaveLength(2);
    expect(acc.items[0].period.key).toBe(lastQuarter.key);
    expect(acc.items[0].figures).toEqual([
      {
        currency: "EUR",
        forecastCommitMinor: 6_000,
        forecastBestCaseMinor: 8_000,
        forecastWeightedMinor: 4_800 + 800,
        actualWonMinor: 5_000,
        commitAccuracyPercent: 83.3,
        weightedAccuracyPercent: 89.3,
      },
    ]);
    const member = await get(ws.users.member, "/api/v1/forecast/accuracy?kind=quarter&periods=1");
    expect(member.items[0].figures).toEqual([]);
  });

  it("sales metrics: win rate, size, cycle, velocity and stage conversion (hand-computed)", async () => {
    const m = await get(ws.users.admin, "/api/v1/sales-metrics?period=2025-Q2");
    // Closed in Q2: d1 won (30 days after creation), d7 lost. Open EUR deals now: d2 d3 d4 d8 d10 d12 d13.
    expect(m.total).toMatchObject({ wonCount: 1, lostCount: 1, winRatePercent: 50, averageCycleDays: 30 });
    // velocity = 7 × 0.5 × 10 000 / 30 = 1 166.67
    expect(m.total.byCurrency.find((c: { currency: string }) => c.currency === "EUR")).toEqual({
      currency: "EUR",
      averageWonMinor: 10_000,
      velocityPerDayMinor: 1_167,
      openCount: 7,
    });
    const qualify = m.stageConversion.find((s: { stageId: string }) => s.stageId === stage.qualify);
    expect(qualify).toMatchObject({ entered: 3, advanced: 2, conversionPercent: 66.7 });
    const memberView = await get(ws.users.member, "/api/v1/sales-metrics?period=2025-Q2");
    expect(memberView.stageConversion.find((s: { stageId: string }) => s.stageId === stage.qualify)).toMatchObject({
      entered: 2,
      advanced: 1,
    });
    const oneRep = await get(ws.users.admin, `/api/v1/sales-metrics?period=2025-Q2&ownerId=${ws.users.member.id}`);
    expect(oneRep.total).toMatchObject({ label: "member user", wonCount: 0 });
  });

  it("rejects bad queries with 400", async () => {
    for (const url of [
      "/api/v1/forecast?period=2025-Q5",
      "/api/v1/forecast?groupBy=stage",
      "/api/v1/forecast/deals?period=2025-Q2",
      "/api/v1/forecast/deals?period=2025-Q2&measure=commit&cursor=bm9wZQ",
      "/api/v1/forecast/accuracy?periods=99",
      "/api/v1/sales-metrics?ownerId=nope",
      "/api/v1/quotas?period=someday",
    ]) {
      const res = await as(api, ws.users.admin, { method: "GET", url });
      expect(res.statusCode, url).toBe(400);
    }
  });
});

describe("quotas", () => {
  it("managers set targets; attainment shows in the forecast; members and read-only users cannot write", async () => {
    const { manager, member, read_only } = ws.users;
    const before = await snapshotCounts(api);
    const body = { userId: manager.id, period: "2025-Q2", amountMinor: 20_000, currency: "EUR" };
    for (const user of [member, read_only]) {
      expect((await as(api, user, { method: "POST", url: "/api/v1/quotas", payload: body })).statusCode).toBe(403);
    }
    for (const bad of [
      { ...body, period: "2025-Q9" },
      { ...body, amountMinor: -1 },
      { ...body, teamId: ZERO },
      { period: "2025-Q2", amountMinor: 1, currency: "EUR" },
      { ...body, userId: ZERO },
      { ...body, workspaceId: other.id },
    ]) {
      const res = await as(api, manager, { method: "POST", url: "/api/v1/quotas", payload: bad });
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
    }
    expect(await snapshotCounts(api)).toEqual(before);

    const created = await as(api, manager, { method: "POST", url: "/api/v1/quotas", payload: body });
    expect(created.statusCode, created.body).toBe(201);
    const quota = created.json();
    expect(quota).toMatchObject({
      targetType: "user",
      userId: manager.id,
      targetName: "manager user",
      period: "2025-Q2",
      periodStart: "2025-04-01",
    });
    expect((await as(api, manager, { method: "POST", url: "/api/v1/quotas", payload: body })).statusCode).toBe(409);

    const f = await get(ws.users.admin, "/api/v1/forecast?period=2025-Q2&groupBy=rep");
    const row = f.rows.find((r: { key: string }) => r.key === manager.id);
    expect(row.figures[0]).toMatchObject({ quotaMinor: 20_000, attainmentPercent: 50 });
    expect(f.total[0]).toMatchObject({ quotaMinor: 20_000 });

    // A member in no team with the manager does not see the manager's target.
    expect((await get(member, "/api/v1/quotas?period=2025-Q2")).items).toEqual([]);
    expect((await get(ws.users.admin, "/api/v1/quotas?period=2025-Q2")).items.map((q: { id: string }) => q.id)).toEqual([quota.id]);

    const patched = await as(api, manager, { method: "PATCH", url: `/api/v1/quotas/${quota.id}`, payload: { amountMinor: 40_000 } });
    expect(patched.statusCode, patched.body).toBe(200);
    const again = await get(ws.users.admin, "/api/v1/forecast?period=2025-Q2&groupBy=rep");
    expect(again.rows.find((r: { key: string }) => r.key === manager.id).figures[0].attainmentPercent).toBe(25);

    // Another workspace's quota id answers 404 and changes nothing.
    const mid = await snapshotCounts(api);
    for (const method of ["PATCH", "DELETE"] as const) {
      const res = await as(api, other.users.admin, {
        method,
        url: `/api/v1/quotas/${quota.id}`,
        payload: method === "PATCH" ? { amountMinor: 1 } : undefined,
      });
      expect(res.statusCode).toBe(404);
    }
    expect((await as(api, member, { method: "DELETE", url: `/api/v1/quotas/${quota.id}` })).statusCode).toBe(403);
    expect(await snapshotCounts(api)).toEqual(mid);

    const events = await api.db
      .selectFrom("domain_events")
      .select("type")
      .where("workspace_id", "=", ws.id)
      .where("entity_id", "=", quota.id)
      .execute();
    expect(events.map((e) => e.type).sort()).toEqual(["quota.created", "quota.updated"]);
    expect((await as(api, manager, { method: "DELETE", url: `/api/v1/quotas/${quota.id}` })).statusCode).toBe(204);
    expect((await get(ws.users.admin, "/api/v1/quotas")).items).toEqual([]);
  });

  it("a quarter without its own target takes the sum of its months'", async () => {
    const team = uuidv7();
    await api.db.insertInto("teams").values({ workspace_id: ws.id, id: team, name: "Inside sales" }).execute();
    for (const period of ["2025-04", "2025-05"]) {
      const res = await as(api, ws.users.admin, {
        method: "POST",
        url: "/api/v1/quotas",
        payload: { teamId: team, period, amountMinor: 1_500, currency: "EUR" },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const f = await get(ws.users.admin, "/api/v1/forecast?period=2025-Q2&groupBy=team");
    expect(f.rows.find((r: { key: string }) => r.key === team).figures[0]).toMatchObject({ quotaMinor: 3_000, closedWonMinor: 0 });
    await api.db.deleteFrom("teams").where("workspace_id", "=", ws.id).where("id", "=", team).execute();
  });
});
