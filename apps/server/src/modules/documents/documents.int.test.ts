import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { docx, pdf, png } from "../../test/files.js";
import {
  as,
  createTestWorkspace,
  snapshotCounts,
  startTestApi,
  type TestApi,
  type TestUser,
  type TestWorkspace,
} from "../../test/harness.js";

import { MAX_UPLOAD_BYTES } from "./index.js";

let api: TestApi;
let ws: TestWorkspace;
let other: TestWorkspace;

beforeAll(async () => {
  api = await startTestApi();
  ws = await createTestWorkspace(api);
  other = await createTestWorkspace(api);
});
afterAll(() => api?.close());

const ZERO = "00000000-0000-4000-8000-000000000000";
const filesOf = (workspaceId: string) => {
  const dir = path.join(process.env.RAPPORT_DATA_DIR as string, "files", workspaceId);
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
};

function multipart(filename: string, bytes: Buffer, contentType = "application/octet-stream") {
  const boundary = "----rapport-test-boundary";
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

const upload = (user: TestUser, record: string, filename: string, bytes: Buffer, headers: Record<string, string> = {}) => {
  const body = multipart(filename, bytes);
  return as(api, user, {
    method: "POST",
    url: `/api/v1/${record}/documents`,
    payload: body.payload,
    headers: { ...body.headers, ...headers },
  });
};

async function contact(user: TestUser, extra: Record<string, unknown> = {}) {
  const res = await as(api, user, { method: "POST", url: "/api/v1/contacts", payload: { firstName: "Doc", lastName: "Holder", ...extra } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

describe("documents", () => {
  it("answer 401 without credentials", async () => {
    const body = multipart("a.pdf", pdf());
    for (const call of [
      { method: "POST" as const, url: `/api/v1/contacts/${ZERO}/documents`, ...body },
      { method: "POST" as const, url: `/api/v1/companies/${ZERO}/documents`, ...body },
      { method: "GET" as const, url: `/api/v1/contacts/${ZERO}/documents` },
      { method: "GET" as const, url: `/api/v1/documents/${ZERO}/download` },
      { method: "DELETE" as const, url: `/api/v1/documents/${ZERO}` },
    ]) {
      expect((await api.app.inject(call)).statusCode, call.url).toBe(401);
    }
  });

  it("uploads, lists, downloads the same bytes as an attachment, and deletes", async () => {
    const admin = ws.users.admin;
    const person = await contact(admin);
    const bytes = pdf();
    const res = await upload(admin, `contacts/${person.id}`, "../../Angebot Müller.pdf", bytes);
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json();
    expect(doc).toMatchObject({
      filename: "Angebot Müller.pdf",
      contentType: "application/pdf",
      sizeBytes: bytes.length,
      uploadedBy: admin.id,
    });
    const list = await as(api, admin, { method: "GET", url: `/api/v1/contacts/${person.id}/documents` });
    expect(list.json()).toMatchObject({ items: [{ id: doc.id }], nextCursor: null });
    expect((await as(api, admin, { method: "GET", url: `/api/v1/contacts/${person.id}/summary` })).json().documentCount).toBe(1);

    const download = await as(api, admin, { method: "GET", url: `/api/v1/documents/${doc.id}/download` });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(bytes)).toBe(true);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.headers["x-content-type-options"]).toBe("nosniff");
    expect(download.headers["content-disposition"]).toBe(
      "attachment; filename=\"Angebot M_ller.pdf\"; filename*=UTF-8''Angebot%20M%C3%BCller.pdf",
    );

    expect((await as(api, admin, { method: "DELETE", url: `/api/v1/documents/${doc.id}` })).statusCode).toBe(204);
    expect((await as(api, admin, { method: "GET", url: `/api/v1/documents/${doc.id}/download` })).statusCode).toBe(404);
    expect(filesOf(ws.id)).not.toContain(doc.id);
  });

  it("types files by their bytes: office and text files pass, others are refused with 415", async () => {
    const admin = ws.users.admin;
    const company = await as(api, admin, { method: "POST", url: "/api/v1/companies", payload: { name: "Docs Co" } });
    const at = `companies/${company.json().id}`;
    expect((await upload(admin, at, "offer.docx", docx())).json().contentType).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect((await upload(admin, at, "logo.jpg", png())).json().contentType).toBe("image/png");
    expect((await upload(admin, at, "list.csv", Buffer.from("a,b\n1,2\n"))).json().contentType).toBe("text/csv; charset=utf-8");
    const before = await snapshotCounts(api);
    const stored = filesOf(ws.id).length;
    for (const [name, bytes] of [
      ["setup.pdf", Buffer.from("MZ\x90\x00\x03\x00\x00\x00binary\x00\x01", "latin1")],
      ["evil.docx", Buffer.from("PK\x03\x04\x14\x00\x00\x00\x00\x00", "latin1")],
      ["bad.txt", Buffer.from([0x68, 0xc3, 0x28, 0x00])],
    ] as const) {
      const res = await upload(admin, at, name, bytes);
      expect(res.statusCode, name).toBe(415);
      expect(res.json().code).toBe("unsupported_file_type");
    }
    const json = await as(api, admin, { method: "POST", url: `/api/v1/${at}/documents`, payload: { file: "x" } });
    expect(json.statusCode).toBe(415);
    expect(await snapshotCounts(api)).toEqual(before);
    expect(filesOf(ws.id)).toHaveLength(stored);
  });

  it("refuses files over 25 MB with 413 and keeps nothing", async () => {
    const person = await contact(ws.users.admin);
    const before = await snapshotCounts(api);
    const stored = filesOf(ws.id).length;
    const big = Buffer.concat([pdf(), Buffer.alloc(MAX_UPLOAD_BYTES)]);
    const res = await upload(ws.users.admin, `contacts/${person.id}`, "huge.pdf", big);
    expect(res.statusCode).toBe(413);
    expect(await snapshotCounts(api)).toEqual(before);
    expect(filesOf(ws.id)).toHaveLength(stored);
  });

  it("replays an upload with the same Idempotency-Key instead of storing it twice", async () => {
    const person = await contact(ws.users.admin);
    const headers = { "idempotency-key": `upload-${person.id}` };
    const stored = filesOf(ws.id).length;
    const first = await upload(ws.users.admin, `contacts/${person.id}`, "a.pdf", pdf(), headers);
    const second = await upload(ws.users.admin, `contacts/${person.id}`, "a.pdf", pdf(), headers);
    expect(second.statusCode).toBe(201);
    expect(second.json().id).toBe(first.json().id);
    expect((await as(api, ws.users.admin, { method: "GET", url: `/api/v1/contacts/${person.id}/documents` })).json().items).toHaveLength(1);
    const different = await upload(ws.users.admin, `contacts/${person.id}`, "a.png", png(), headers);
    expect(different.statusCode).toBe(422);
    expect(filesOf(ws.id)).toHaveLength(stored + 1);
  });

  it("lets read-only users download but not upload or delete", async () => {
    const person = await contact(ws.users.admin, { ownerId: null });
    const doc = (await upload(ws.users.admin, `contacts/${person.id}`, "a.pdf", pdf())).json();
    const before = await snapshotCounts(api);
    const ro = ws.users.read_only;
    expect((await upload(ro, `contacts/${person.id}`, "b.pdf", pdf())).statusCode).toBe(403);
    expect((await as(api, ro, { method: "DELETE", url: `/api/v1/documents/${doc.id}` })).statusCode).toBe(403);
    expect((await as(api, ro, { method: "GET", url: `/api/v1/documents/${doc.id}/download` })).statusCode).toBe(200);
    expect(await snapshotCounts(api)).toEqual(before);
  });

  it("answers 404 for another workspace's records and documents like for missing ones", async () => {
    const foreignPerson = await contact(other.users.admin);
    const foreignDoc = (await upload(other.users.admin, `contacts/${foreignPerson.id}`, "a.pdf", pdf())).json();
    const before = await snapshotCounts(api);
    const admin = ws.users.admin;
    for (const id of [foreignPerson.id, ZERO]) {
      expect((await upload(admin, `contacts/${id}`, "x.pdf", pdf())).statusCode).toBe(404);
      expect((await as(api, admin, { method: "GET", url: `/api/v1/contacts/${id}/documents` })).statusCode).toBe(404);
    }
    for (const id of [foreignDoc.id, ZERO]) {
      expect((await as(api, admin, { method: "GET", url: `/api/v1/documents/${id}/download` })).statusCode).toBe(404);
      expect((await as(api, admin, { method: "DELETE", url: `/api/v1/documents/${id}` })).statusCode).toBe(404);
    }
    expect(await snapshotCounts(api)).toEqual(before);
  });

  it("keeps the documents of records a member of no team may not see out of reach", async () => {
    const t = await createTestWorkspace(api);
    const hidden = await contact(t.users.admin);
    const doc = (await upload(t.users.admin, `contacts/${hidden.id}`, "secret.pdf", pdf())).json();
    const m = t.users.member;
    expect((await as(api, m, { method: "GET", url: `/api/v1/contacts/${hidden.id}/documents` })).statusCode).toBe(404);
    expect((await as(api, m, { method: "GET", url: `/api/v1/documents/${doc.id}/download` })).statusCode).toBe(404);
    expect((await as(api, m, { method: "DELETE", url: `/api/v1/documents/${doc.id}` })).statusCode).toBe(404);
    expect((await upload(m, `contacts/${hidden.id}`, "x.pdf", pdf())).statusCode).toBe(404);
  });
});
