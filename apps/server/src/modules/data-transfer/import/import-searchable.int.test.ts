import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localDiskStorage } from "../../../platform/storage/storage.js";
import { as, createTestWorkspace, startTestApi, type TestApi } from "../../../test/harness.js";
import { asOn, multipartFile, transferApp } from "../test-api.js";
import { runImport } from "./import-job.js";

/** Decision 0022: the people of an import become searchable after its rows are applied. */
let api: TestApi;
let t: Awaited<ReturnType<typeof transferApp>>;

beforeAll(async () => {
  api = await startTestApi();
  t = await transferApp(api);
});
afterAll(async () => {
  await t?.close();
  await api?.close();
});

const storage = () => localDiskStorage(path.join(process.env.RAPPORT_DATA_DIR as string, "files"));

describe("imported people become searchable after the rows are applied", () => {
  it("says when, resumes the indexing after a stop, and search then finds created and updated people", async () => {
    const w = await createTestWorkspace(api);
    const old = await as(api, w.users.admin, {
      method: "POST",
      url: "/api/v1/contacts",
      payload: { firstName: "Olga", lastName: "Stored", emails: ["olga@x.io"] },
    });
    expect(old.statusCode).toBe(201);
    const csv =
      "Email,First Name,Last Name\nolga@x.io,Olga,Quokkafield\nq1@x.io,Quentin,Wombatson\nq2@x.io,Quinn,Wombatson\nq3@x.io,Quark,Wombatson\n";
    const up = await asOn(t.app, w.users.admin, {
      method: "POST",
      url: "/api/v1/imports",
      ...multipartFile("people.csv", Buffer.from(csv)),
    });
    const id = up.json().id as string;
    expect((await asOn(t.app, w.users.admin, { method: "POST", url: `/api/v1/imports/${id}/start` })).statusCode).toBe(202);
    const search = async (q: string) =>
      ((await as(api, w.users.admin, { method: "GET", url: `/api/v1/search?q=${q}` })).json().items as { title: string }[])
        .map((h) => h.title)
        .sort();
    const get = async () => (await asOn(t.app, w.users.admin, { method: "GET", url: `/api/v1/imports/${id}` })).json();
    const deps = { db: api.db, storage: storage() };

    // A run whose time is up once the rows are applied: the people are stored, not yet searchable.
    expect(await runImport(deps, { workspaceId: w.id, importId: id }, { deadline: Date.now() - 1, indexChunk: 2 })).toBe("paused");
    let imp = await get();
    expect(imp).toMatchObject({
      status: "running",
      searchableAt: null,
      progress: { rowsDone: 4, created: 3, updated: 1, peopleSearchable: 0 },
    });
    expect(imp.rowsAppliedAt).not.toBeNull();
    expect(await search("wombatson")).toEqual([]);
    expect(await search("quokkafield")).toEqual([]);

    // The next run reads nothing of the file again and writes the tokens, two people per chunk.
    expect(await runImport(deps, { workspaceId: w.id, importId: id }, { indexChunk: 2 })).toBe("completed");
    imp = await get();
    expect(imp).toMatchObject({ status: "completed", progress: { rowsDone: 4, created: 3, updated: 1, peopleSearchable: 4 } });
    expect(new Date(imp.searchableAt).getTime()).toBeGreaterThanOrEqual(new Date(imp.rowsAppliedAt).getTime());
    expect(await search("wombatson")).toEqual(["Quark Wombatson", "Quentin Wombatson", "Quinn Wombatson"]);
    expect(await search("quokkafield")).toEqual(["Olga Quokkafield"]);
    expect(await search("q2%40x.io")).toEqual(["Quinn Wombatson"]);
    // The updated person's tokens were replaced, not added to: the old last name is gone.
    expect(await search("stored")).toEqual([]);
  });
});
