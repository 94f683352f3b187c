import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { localDiskStorage } from "./storage.js";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-storage-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const WS = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
const ID = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c";

async function read(stream: Readable) {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe("local disk storage", () => {
  const storage = localDiskStorage(root);

  it("stores, reads back and deletes bytes, reporting size and sha256", async () => {
    const bytes = Buffer.from("hello, files");
    const r = await storage.put(`${WS}/${ID}`, Readable.from([bytes]));
    expect(r).toEqual({ size: bytes.length, sha256: crypto.createHash("sha256").update(bytes).digest("hex") });
    expect(await read(await storage.get(`${WS}/${ID}`))).toEqual(bytes);
    await storage.delete(`${WS}/${ID}`);
    await expect(storage.get(`${WS}/${ID}`)).rejects.toThrow();
    await storage.delete(`${WS}/${ID}`);
  });

  it("leaves nothing behind when the stream fails", async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error("client went away"));
      },
    });
    await expect(storage.put(`${WS}/${ID}`, failing)).rejects.toThrow("client went away");
    expect(fs.readdirSync(path.join(root, WS))).toEqual([]);
  });

  it("refuses keys that could leave its folder", async () => {
    for (const key of ["../etc/passwd", "/abs", "a/../../b", "UPPER", ""]) {
      await expect(storage.get(key)).rejects.toThrow(/invalid storage key/);
    }
  });
});
