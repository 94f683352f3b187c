import { type Endpoint, playbookEndpoints } from "@rapport/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoredEvent } from "../../platform/events/processor.js";
import {
  as,
  createTestWorkspace,
  snapshotCounts,
  startTestApi,
  type TestApi,
  type TestUser,
  type TestWorkspace,
} from "../../test/harness.js";
import { dealTaskLink } from "../deals/index.js";
import { completeTask, systemTaskContext, TaskLinkTypes } from "../tasks/index.js";
import { playbookConsumer } from "./index.js";

let api: TestApi;
let ws: TestWorkspace;
let other: TestWorkspace;
const ZERO = "00000000-0000-4000-8000-000000000000";
type Json = Record<string, unknown>;

/** A pipeline with three open stages, through the deals API. */
async function pipeline(workspaceId: string) {
  const admin = workspaceId === ws.id ? ws.users.admin : other.users.admin;
  const res = await as(api, admin, {
    method: "POST",
    url: "/api/v1/pipelines",
    payload: {
      name: `Sales ${Math.random()}`,
      stages: ["Qualification", "Proposal", "Negotiation"].map((name) => ({ name, probability: 20 })),
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const p = res.json() as { id: string; stages: { id: string }[] };
  return { id: p.id, stages: p.stages.map((s) => s.id) as [string, string, string] };
}

async function deal(workspaceId: string, p: { id: string; stages: string[] }, ownerId: string | null, region: string | null) {
  const res = await as(api, ws.users.admin, {
    method: "POST",
    url: "/api/v1/deals",
    payload: { name: `Deal ${Math.random()}`, pipelineId: p.id, stageId: p.stages[0], currency: "EUR", amountMinor: 1000, ownerId, region },
  });
  expect(res.statusCode, res.body).toBe(201);
  expect(workspaceId).toBe(ws.id);
  return res.json().id as string;
}

/** Moves a deal on the board: the deals API writes the row and its deal.stage_changed event. */
async function moveDeal(_workspaceId: string, dealId: string, stageId: string) {
  const res = await as(api, ws.users.admin, { method: "POST", url: `/api/v1/deals/${dealId}/stage`, payload: { stageId } });
  expect(res.statusCode, res.body).toBe(200);
}

const links = new TaskLinkTypes();
links.register("deal", dealTaskLink);
const consumer = playbookConsumer(links);
let delivered = 0;

/** Hands this workspace's new events to the consumer, as the event processor does (in one transaction). */
async function deliver(workspaceId: string, opts: { again?: boolean } = {}) {
  const rows = await api.db
    .selectFrom("domain_events")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("seq", ">", opts.again ? 0 : delivered)
    .orderBy("seq")
    .execute();
  const events: StoredEvent[] = rows.map((r) => ({
    workspaceId: r.workspace_id,
    id: r.id,
    seq: Number(r.seq),
    txid: String(r.txid),
    type: r.type,
    entityType: r.entity_type,
    entityId: r.entity_id,
    actorType: r.actor_type as StoredEvent["actorType"],
    actorId: r.actor_id,
    payload: r.payload as Record<string, unknown>,
    occurredAt: r.occurred_at,
  }));
  if (!opts.again) delivered = Math.max(delivered, ...events.map((e) => e.seq));
  await api.db.transaction().execute((tx) => consumer.handle(tx, events));
}

const tasksOf = (workspaceId: string, dealId: string) =>
  api.db
    .selectFrom("tasks")
    .select(["id", "title", "status", "assignee_id", "linked_type", "linked_id", "source_type", "due_on"])
    .where("workspace_id", "=", workspaceId)
    .where("linked_id", "=", dealId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();

const step = (key: string, dueInDays = 1) => ({ key, title: `Step ${key}`, description: `Do ${key}`, dueInDays });

beforeAll(async () => {
  api = await startTestApi();
  ws = await createTestWorkspace(api);
  other = await createTestWorkspace(api);
});
afterAll(() => api?.close());

async function call(user: TestUser, method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE", url: string, payload?: Json) {
  return as(api, user, { method, url, ...(payload ? { payload } : {}) });
}

describe("playbooks API", () => {
  it("answers 401 on every endpoint without credentials", async () => {
    for (const e of Object.values(playbookEndpoints) as Endpoint[]) {
      const url = e.path.replace("{id}", ZERO).replace("{region}", "DE");
      const res = await api.app.inject({ method: e.method, url, payload: e.body ? {} : undefined });
      expect(res.statusCode, `${e.method} ${e.path}`).toBe(401);
    }
    expect((await api.app.inject({ method: "GET", url: `/api/v1/playbooks/${ZERO}/export.html` })).statusCode).toBe(401);
  });

  it("lets admins and managers write, everyone read; denied and invalid calls change nothing", async () => {
    const p = await pipeline(ws.id);
    const body = {
      pipelineId: p.id,
      name: "Sales playbook",
      stages: [
        { stageId: p.stages[0], guidance: "<p>Qualify <script>alert(1)</script><b onclick=x()>well</b></p>", steps: [step("call")] },
      ],
    };
    const before = await snapshotCounts(api);
    for (const role of ["member", "read_only"] as const) {
      expect((await call(ws.users[role], "POST", "/api/v1/playbooks", body)).statusCode).toBe(403);
    }
    const bad: Json[] = [
      {},
      { ...body, name: "" },
      { ...body, pipelineId: ZERO },
      { ...body, stages: [{ stageId: ZERO, steps: [] }] },
      { ...body, stages: [{ stageId: p.stages[0], steps: [step("a"), step("a")] }] },
      { ...body, stages: [{ stageId: p.stages[0], steps: [{ ...step("a"), key: "Not A Key" }] }] },
      { ...body, id: ZERO },
    ];
    for (const payload of bad)
      expect((await call(ws.users.admin, "POST", "/api/v1/playbooks", payload)).statusCode, JSON.stringify(payload)).toBe(400);
    expect(await snapshotCounts(api)).toEqual(before);

    const created = await call(ws.users.manager, "POST", "/api/v1/playbooks", body);
    expect(created.statusCode, created.body).toBe(201);
    const pb = created.json();
    expect(pb.stages[0].guidance).toBe("<p>Qualify <b>well</b></p>");
    expect(pb.stages[0].sequential).toBe(true);
    expect((await call(ws.users.admin, "POST", "/api/v1/playbooks", body)).statusCode).toBe(409);

    for (const role of ["member", "read_only"] as const) {
      const afterCreate = await snapshotCounts(api);
      expect((await call(ws.users[role], "PATCH", `/api/v1/playbooks/${pb.id}`, { name: "x" })).statusCode).toBe(403);
      expect((await call(ws.users[role], "PUT", `/api/v1/playbooks/${pb.id}/variants/DE`, { name: "Germany" })).statusCode).toBe(403);
      expect((await call(ws.users[role], "DELETE", `/api/v1/playbooks/${pb.id}`)).statusCode).toBe(403);
      expect(await snapshotCounts(api)).toEqual(afterCreate);
      const read = await call(ws.users[role], "GET", `/api/v1/playbooks/${pb.id}`);
      expect(read.statusCode).toBe(200);
      expect((await call(ws.users[role], "GET", "/api/v1/playbooks")).json().items.map((x: { id: string }) => x.id)).toContain(pb.id);
    }

    // Another workspace's playbook answers like a missing one, on every path.
    for (const [method, url, payload] of [
      ["GET", `/api/v1/playbooks/${pb.id}`],
      ["PATCH", `/api/v1/playbooks/${pb.id}`, { name: "x" }],
      ["DELETE", `/api/v1/playbooks/${pb.id}`],
      ["PUT", `/api/v1/playbooks/${pb.id}/variants/DE`, { name: "Germany" }],
      ["GET", `/api/v1/playbooks/${pb.id}/effective`],
      ["GET", `/api/v1/playbooks/${pb.id}/compare?b=global`],
      ["GET", `/api/v1/playbooks/${pb.id}/export.html`],
    ] as const) {
      expect((await call(other.users.admin, method, url, payload as Json | undefined)).statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await call(other.users.admin, "GET", "/api/v1/playbooks")).json().items).toEqual([]);

    const renamed = await call(ws.users.admin, "PATCH", `/api/v1/playbooks/${pb.id}`, { name: "Renamed" });
    expect(renamed.json().name).toBe("Renamed");
    expect(renamed.json().stages).toEqual(pb.stages);
    expect((await call(ws.users.admin, "DELETE", `/api/v1/playbooks/${pb.id}`)).statusCode).toBe(204);
    expect((await call(ws.users.admin, "GET", `/api/v1/playbooks/${pb.id}`)).statusCode).toBe(404);
  });

  it("keeps variants, resolves them per region, compares and exports", async () => {
    const p = await pipeline(ws.id);
    const pb = (
      await call(ws.users.admin, "POST", "/api/v1/playbooks", {
        pipelineId: p.id,
        name: "Sales",
        stages: [{ stageId: p.stages[0], guidance: "<p>Global</p>", steps: [step("call"), step("budget"), step("decide")] }],
      })
    ).json();
    const url = `/api/v1/playbooks/${pb.id}`;
    const variant = {
      name: "Germany",
      stages: [
        {
          stageId: p.stages[0],
          guidance: "<p>Deutsch</p>",
          removeStepKeys: ["budget"],
          steps: [
            { ...step("call", 3), title: "Erstgespräch" },
            { ...step("works-council"), afterKey: "call" },
          ],
        },
      ],
    };
    const before = await snapshotCounts(api);
    for (const payload of [
      { name: "" },
      { ...variant, stages: [{ ...variant.stages[0], removeStepKeys: ["nope"] }] },
      { ...variant, stages: [{ ...variant.stages[0], stageId: ZERO }] },
    ]) {
      expect((await call(ws.users.admin, "PUT", `${url}/variants/DE`, payload)).statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect((await call(ws.users.admin, "PUT", `${url}/variants/${encodeURIComponent("d e")}`, variant)).statusCode).toBe(400);
    expect(await snapshotCounts(api)).toEqual(before);

    const put = await call(ws.users.manager, "PUT", `${url}/variants/de`, variant);
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().region).toBe("DE");
    expect((await call(ws.users.member, "GET", `${url}/variants/DE`)).json().stages[0].removeStepKeys).toEqual(["budget"]);
    expect((await call(ws.users.member, "GET", `${url}/variants/FR`)).statusCode).toBe(404);
    expect((await call(ws.users.member, "GET", url)).json().variants).toEqual([expect.objectContaining({ region: "DE", name: "Germany" })]);

    const eff = (q: string) => call(ws.users.read_only, "GET", `${url}/effective${q}`).then((r) => r.json());
    const de = await eff("?region=germany");
    expect(de.variant).toEqual({ region: "DE", name: "Germany" });
    expect(de.stages[0].guidance).toBe("<p>Deutsch</p>");
    expect(de.stages[0].steps.map((s: { key: string; origin: string }) => `${s.key}:${s.origin}`)).toEqual([
      "call:overridden",
      "works-council:added",
      "decide:global",
    ]);
    const global = await eff("?region=FR");
    expect(global.variant).toBeNull();
    expect(global.stages[0].steps.map((s: { key: string }) => s.key)).toEqual(["call", "budget", "decide"]);

    const cmp = await call(ws.users.member, "GET", `${url}/compare?a=global&b=DE`);
    expect(cmp.statusCode, cmp.body).toBe(200);
    expect(cmp.json().b).toEqual({ region: "DE", name: "Germany" });
    expect(cmp.json().stages[0].steps.map((s: { key: string; status: string }) => `${s.status}:${s.key}`)).toEqual([
      "changed:call",
      "removed:budget",
      "added:works-council",
      "same:decide",
    ]);
    expect(cmp.json().stages[0].guidanceChanged).toBe(true);
    expect((await call(ws.users.member, "GET", `${url}/compare?a=global&b=FR`)).statusCode).toBe(404);
    expect((await call(ws.users.member, "GET", `${url}/compare?a=global&b=${encodeURIComponent("<x>")}`)).statusCode).toBe(400);

    const html = await call(ws.users.read_only, "GET", `${url}/export.html?variant=DE`);
    expect(html.statusCode).toBe(200);
    expect(html.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(html.headers["content-disposition"]).toBe('attachment; filename="playbook-sales-de.html"');
    expect(html.body).toContain("<h2>Qualification</h2>");
    expect(html.body).toContain("Erstgespräch");
    expect(html.body).not.toContain("Step budget");
    expect(html.body).not.toMatch(/<script/i);
    expect((await call(ws.users.read_only, "GET", `${url}/export.html?variant=FR`)).statusCode).toBe(404);
    expect((await call(ws.users.read_only, "GET", `${url}/export.html?variant=${encodeURIComponent("../x")}`)).statusCode).toBe(400);

    expect((await call(ws.users.member, "DELETE", `${url}/variants/DE`)).statusCode).toBe(403);
    expect((await call(ws.users.admin, "DELETE", `${url}/variants/DE`)).statusCode).toBe(204);
    expect((await call(ws.users.admin, "DELETE", `${url}/variants/DE`)).statusCode).toBe(404);
  });
});

describe("playbook automation", () => {
  it("creates step tasks when a deal enters a stage, the next one on completion, nothing twice", async () => {
    const p = await pipeline(ws.id);
    await call(ws.users.admin, "POST", "/api/v1/playbooks", {
      pipelineId: p.id,
      name: "Sales",
      stages: [
        {
          stageId: p.stages[1],
          sequential: true,
          guidance: "<p>Propose</p>",
          steps: [step("deck", 2), step("quote", 1), step("follow-up", 5)],
        },
        { stageId: p.stages[2], sequential: false, steps: [step("handover"), step("invoice")] },
      ],
    });
    await call(
      ws.users.admin,
      "PUT",
      `/api/v1/playbooks/${(await call(ws.users.admin, "GET", "/api/v1/playbooks")).json().items.find((x: { pipelineId: string }) => x.pipelineId === p.id).id}/variants/US`,
      {
        name: "North America",
        stages: [{ stageId: p.stages[1], removeStepKeys: ["quote"], steps: [] }],
      },
    );
    const owner = ws.users.member;
    const dealId = await deal(ws.id, p, owner.id, "DE");
    await deliver(ws.id);
    expect(await tasksOf(ws.id, dealId)).toEqual([]);

    await moveDeal(ws.id, dealId, p.stages[1]);
    await deliver(ws.id);
    let tasks = await tasksOf(ws.id, dealId);
    expect(tasks.map((t) => t.title)).toEqual(["Step deck"]);
    expect(tasks[0]).toMatchObject({
      assignee_id: owner.id,
      linked_type: "deal",
      linked_id: dealId,
      source_type: "playbook_step",
      status: "open",
    });

    // The same events again (a redelivery) create nothing.
    await deliver(ws.id, { again: true });
    expect(await tasksOf(ws.id, dealId)).toHaveLength(1);

    // The deal's playbook panel shows the stage and the first step's task.
    let panel = (await call(owner, "GET", `/api/v1/deals/${dealId}/playbook`)).json();
    expect(panel.playbook.guidance).toBe("<p>Propose</p>");
    expect(panel.playbook.steps.map((s: { key: string; task: { status: string } | null }) => `${s.key}:${s.task?.status ?? "-"}`)).toEqual([
      "deck:open",
      "quote:-",
      "follow-up:-",
    ]);

    await api.db.transaction().execute((tx) => completeTask(systemTaskContext(tx, ws.id, links), tasks[0]?.id as string));
    await deliver(ws.id);
    tasks = await tasksOf(ws.id, dealId);
    expect(tasks.map((t) => `${t.title}:${t.status}`)).toEqual(["Step deck:done", "Step quote:open"]);
    await deliver(ws.id, { again: true });
    expect(await tasksOf(ws.id, dealId)).toHaveLength(2);
    panel = (await call(owner, "GET", `/api/v1/deals/${dealId}/playbook`)).json();
    expect(panel.playbook.steps.map((s: { key: string; task: { status: string } | null }) => `${s.key}:${s.task?.status ?? "-"}`)).toEqual([
      "deck:done",
      "quote:open",
      "follow-up:-",
    ]);

    // After the deal left the stage, completing a step starts nothing there.
    await moveDeal(ws.id, dealId, p.stages[2]);
    await deliver(ws.id);
    await api.db.transaction().execute((tx) => completeTask(systemTaskContext(tx, ws.id, links), tasks[1]?.id as string));
    await deliver(ws.id);
    tasks = await tasksOf(ws.id, dealId);
    // A parallel stage opens every step at once.
    expect(tasks.map((t) => t.title)).toEqual(["Step deck", "Step quote", "Step handover", "Step invoice"]);
  });

  it("uses the deal's regional variant, and skips deals without an owner", async () => {
    const p = await pipeline(ws.id);
    const pb = (
      await call(ws.users.admin, "POST", "/api/v1/playbooks", {
        pipelineId: p.id,
        name: "Sales",
        stages: [{ stageId: p.stages[1], steps: [step("deck"), step("quote")] }],
      })
    ).json();
    await call(ws.users.admin, "PUT", `/api/v1/playbooks/${pb.id}/variants/NA`, {
      name: "North America",
      stages: [{ stageId: p.stages[1], removeStepKeys: ["deck"], steps: [{ ...step("nda"), afterKey: null }] }],
    });
    const us = await deal(ws.id, p, ws.users.manager.id, "North America");
    const nobody = await deal(ws.id, p, null, "NA");
    await moveDeal(ws.id, us, p.stages[1]);
    await moveDeal(ws.id, nobody, p.stages[1]);
    await deliver(ws.id);
    expect((await tasksOf(ws.id, us)).map((t) => t.title)).toEqual(["Step quote"]);
    expect(await tasksOf(ws.id, nobody)).toEqual([]);
    const panel = (await call(ws.users.manager, "GET", `/api/v1/deals/${us}/playbook`)).json();
    expect(panel.playbook.variant).toEqual({ region: "NA", name: "North America" });
  });

  it("shows a deal's playbook only to who may see the deal", async () => {
    const p = await pipeline(ws.id);
    const dealId = await deal(ws.id, p, ws.users.admin.id, null);
    expect((await call(ws.users.admin, "GET", `/api/v1/deals/${dealId}/playbook`)).json()).toMatchObject({ dealId, playbook: null });
    // A member without a team sees only their own deals.
    expect((await call(ws.users.member, "GET", `/api/v1/deals/${dealId}/playbook`)).statusCode).toBe(404);
    expect((await call(other.users.admin, "GET", `/api/v1/deals/${dealId}/playbook`)).statusCode).toBe(404);
    expect((await call(ws.users.admin, "GET", `/api/v1/deals/${ZERO}/playbook`)).statusCode).toBe(404);
  });
});
