import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Principal, systemActor } from "../../platform/auth/principal.js";
import { recordEvent } from "../../platform/events/outbox.js";
import type { StoredEvent } from "../../platform/events/processor.js";
import { EventVisibility } from "../../platform/events/visibility.js";
import { createTestWorkspace, startTestApi, type TestApi, type TestWorkspace } from "../../test/harness.js";
import { EventHub } from "./event-hub.js";

let api: TestApi;
let ws: TestWorkspace;
let hub: EventHub;

beforeAll(async () => {
  api = await startTestApi();
  ws = await createTestWorkspace(api);
  const visibility = new EventVisibility();
  visibility.register("probe", () => true);
  hub = new EventHub(api.db, api.database.appConnection, visibility, api.database.logger);
  await hub.start();
});
afterAll(async () => {
  await hub?.stop();
  await api?.close();
});

const principal = (): Principal => ({
  workspaceId: ws.id,
  actorType: "user",
  actorId: ws.users.admin.id,
  userId: ws.users.admin.id,
  role: "admin",
  teamIds: [],
  sessionId: null,
});

const probeEvent = (entityId: string) =>
  api.db
    .transaction()
    .execute((tx) => recordEvent(tx, systemActor(ws.id), { type: "probe.happened", entityType: "probe", entityId, payload: {} }));

async function until(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
}

describe("the realtime hub (decision 0031: no outbox reads while nobody listens)", () => {
  it("skips what committed while nobody listened, then delivers what commits after a subscription", async () => {
    const before = "00000000-0000-4000-8000-00000000000b";
    const after = "00000000-0000-4000-8000-00000000000a";
    await probeEvent(before);
    // The cursor moves past it (notice or 2 s poll) without anyone to send it to.
    await new Promise((r) => setTimeout(r, 2500));
    const got: StoredEvent[] = [];
    const unsubscribe = hub.subscribe({ principal: principal(), send: (e) => got.push(e) });
    try {
      await probeEvent(after);
      await until(() => got.some((e) => e.entityId === after));
      expect(got.map((e) => e.entityId)).toEqual([after]);
      expect(got[0]).toMatchObject({ type: "probe.happened", workspaceId: ws.id, payload: {} });
    } finally {
      unsubscribe();
    }
  });
});
