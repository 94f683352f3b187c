import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

/**
 * Where uploaded files live. Keys are chosen by the server (workspace id / uuid), never from
 * a file name. The local-disk implementation below is the default; an object store can
 * implement the same three calls.
 */
export interface FileStorage {
  /** Stores the stream's bytes under `key`, all or nothing. */
  put(key: string, stream: Readable): Promise<{ size: number; sha256: string }>;
  /** The stored bytes; fails when the key does not exist. */
  get(key: string): Promise<Readable>;
  /** Removes the file; a missing one is not an error. */
  delete(key: string): Promise<void>;
}

/** Server-made keys only: lower-case hex, digits and dashes in slash-separated parts. */
const KEY = /^[0-9a-f-]{1,64}(\/[0-9a-f-]{1,64}){0,3}$/;

/** Files under `root`; a write goes to a temporary file renamed into place once complete. */
export function localDiskStorage(root: string): FileStorage {
  const pathOf = (key: string) => {
    if (!KEY.test(key)) throw new Error(`invalid storage key "${key}"`);
    return path.join(root, ...key.split("/"));
  };
  return {
    async put(key, stream) {
      const target = pathOf(key);
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}.${crypto.randomUUID()}.tmp`;
      const hash = crypto.createHash("sha256");
      let size = 0;
      stream.on("data", (chunk: Buffer) => {
        size += chunk.length;
        hash.update(chunk);
      });
      try {
        await pipeline(stream, fs.createWriteStream(temp, { flags: "wx", mode: 0o600 }));
        // Flush before the rename so a crash never leaves a complete name on partial bytes.
        const fd = await fs.promises.open(temp, "r");
        await fd.sync().finally(() => fd.close());
        await fs.promises.rename(temp, target);
      } catch (err) {
        await fs.promises.rm(temp, { force: true });
        throw err;
      }
      return { size, sha256: hash.digest("hex") };
    },
    async get(key) {
      const file = pathOf(key);
      await fs.promises.access(file, fs.constants.R_OK);
      return fs.createReadStream(file);
    },
    async delete(key) {
      await fs.promises.rm(pathOf(key), { force: true });
    },
  };
}
