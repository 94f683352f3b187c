import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { Logger } from "../../logging/logger.js";
import { firstBlockingDirectory, resolveBinaries } from "./binaries.js";
import { loadOrCreateSecrets } from "./secrets.js";

export type EmbeddedCluster = {
  port: number;
  /**
   * The directory of the cluster's Unix socket (connect with `host` = this path), or
   * undefined when the postmaster has none: then TCP on 127.0.0.1:`port` (decision 0029).
   */
  socketDir: string | undefined;
  superuser: string;
  superuserPassword: string;
  appPassword: string;
  /** True when this process started (or adopted) the postmaster and must stop it. */
  owned: boolean;
  release(): Promise<void>;
};

const SUPERUSER = "postgres";

/**
 * Brings up the embedded PostgreSQL cluster under `<dataDir>/pg`, or joins the one that is
 * already running there.
 *
 * - Another live Rapport process owns a running postmaster: join it (CLI next to `npm start`).
 * - A postmaster whose owner died (the Node process was SIGKILLed): adopt it.
 * - A stale postmaster.pid (the postmaster itself was killed): PostgreSQL removes it and
 *   runs crash recovery from the WAL when started, so nothing acknowledged is lost.
 */
export async function acquireEmbeddedCluster(dataDir: string, log: Logger): Promise<EmbeddedCluster> {
  const runAs = os.userInfo().uid === 0 ? ensurePostgresUser() : undefined;
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // As root the postgres user must traverse the data directory (but not list it).
  if (runAs) fs.chmodSync(dataDir, 0o711);
  const secrets = loadOrCreateSecrets(dataDir);
  const pgdata = path.join(dataDir, "pg");
  if (runAs) {
    const blocked = firstBlockingDirectory(dataDir, runAs.uid, runAs.gid);
    if (blocked) {
      throw new Error(
        `PostgreSQL runs as the "postgres" user when Rapport is started as root, and that user cannot enter ${blocked}. ` +
          `Either allow it (chmod o+x ${blocked}), set RAPPORT_DATA_DIR to a directory outside it, or run Rapport as a normal user.`,
      );
    }
  }
  const binaries = await resolveBinaries(runAs);

  if (!fs.existsSync(path.join(pgdata, "PG_VERSION"))) {
    if (fs.existsSync(pgdata) && fs.readdirSync(pgdata).length > 0) {
      throw new Error(`${pgdata} exists but is not a PostgreSQL data directory; move it away and start again.`);
    }
    log.info({ pgdata }, "creating the embedded PostgreSQL cluster");
    initCluster(binaries.initdb, pgdata, secrets.superuserPassword, dataDir, runAs);
  }

  const base = { superuser: SUPERUSER, superuserPassword: secrets.superuserPassword, appPassword: secrets.appPassword };
  const ownerFile = path.join(dataDir, "owner.pid");
  const running = readRunningPostmaster(pgdata);
  if (running && (await accepts(running.port, secrets.superuserPassword))) {
    // A postmaster started before sockets were enabled (or with a path too long) has none: TCP.
    const socketDir = running.socketDir === socketDirectory(dataDir, running.port) ? running.socketDir : undefined;
    const owner = readPid(ownerFile);
    if (owner !== undefined && owner !== process.pid && isAlive(owner)) {
      log.debug({ port: running.port, owner }, "joining the embedded PostgreSQL run by another Rapport process");
      return { ...base, port: running.port, socketDir, owned: false, release: async () => {} };
    }
    log.info({ port: running.port, pid: running.pid }, "adopting an embedded PostgreSQL left running by a stopped process");
    fs.writeFileSync(ownerFile, String(process.pid));
    return {
      ...base,
      port: running.port,
      socketDir,
      owned: true,
      release: () => stopPostmaster(running.pid, ownerFile),
    };
  }

  const port = await freePort();
  const socketDir = socketDirectory(dataDir, port);
  if (socketDir) prepareSocketDirectory(socketDir, runAs);
  const child = await startPostmaster(binaries.postgres, pgdata, port, socketDir, dataDir, secrets.superuserPassword, runAs);
  fs.writeFileSync(ownerFile, String(process.pid));
  log.info({ port, socketDir }, "embedded PostgreSQL started");
  let stopping = false;
  child.on("exit", (code, signal) => {
    if (!stopping) log.error({ code, signal }, "embedded PostgreSQL exited unexpectedly; restart Rapport to recover");
  });
  return {
    ...base,
    port,
    socketDir,
    owned: true,
    release: async () => {
      stopping = true;
      if (child.pid !== undefined) await stopPostmaster(child.pid, ownerFile);
    },
  };
}

function ensurePostgresUser(): { uid: number; gid: number } {
  const lookup = () => ({
    uid: Number(execFileSync("id", ["-u", SUPERUSER]).toString().trim()),
    gid: Number(execFileSync("id", ["-g", SUPERUSER]).toString().trim()),
  });
  try {
    return lookup();
  } catch {
    try {
      execFileSync("groupadd", ["--system", SUPERUSER], { stdio: "ignore" });
    } catch {
      // the group may exist without the user
    }
    execFileSync("useradd", ["--system", "--gid", SUPERUSER, "--no-create-home", "--shell", "/usr/sbin/nologin", SUPERUSER]);
    return lookup();
  }
}

function initCluster(initdb: string, pgdata: string, password: string, dataDir: string, runAs: { uid: number; gid: number } | undefined) {
  fs.mkdirSync(pgdata, { recursive: true, mode: 0o700 });
  const pwfile = path.join(dataDir, `.pwfile-${process.pid}`);
  fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (runAs) {
    fs.chownSync(pgdata, runAs.uid, runAs.gid);
    fs.chownSync(pwfile, runAs.uid, runAs.gid);
  }
  try {
    execFileSync(
      initdb,
      [
        `--pgdata=${pgdata}`,
        "--auth=scram-sha-256",
        `--username=${SUPERUSER}`,
        `--pwfile=${pwfile}`,
        "--data-checksums",
        "--encoding=UTF8",
        "--locale-provider=builtin",
        "--builtin-locale=C.UTF-8",
        "--lc-messages=C",
      ],
      { ...(runAs ?? {}), stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, LC_ALL: "C" } },
    );
  } catch (err) {
    const stderr = (err as { stderr?: Buffer }).stderr?.toString() ?? "";
    fs.rmSync(pgdata, { recursive: true, force: true });
    throw new Error(`initdb failed: ${stderr || (err as Error).message}`);
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
}

/**
 * Where the cluster's Unix socket lives: `<data dir>/pg-socket`, a directory only the
 * PostgreSQL user may enter (the socket accepts the same password logins as TCP, pg_hba
 * `local` lines). Undefined when the socket's path would exceed the kernel's 107 bytes or
 * the directory name could not be given to `unix_socket_directories` (a comma-separated
 * list): the cluster then listens on TCP loopback only, as before.
 */
export function socketDirectory(dataDir: string, port: number): string | undefined {
  const dir = path.join(path.resolve(dataDir), "pg-socket");
  if (/[,\s\\'"]/.test(dir)) return undefined;
  return Buffer.byteLength(path.join(dir, `.s.PGSQL.${port}`)) <= 107 ? dir : undefined;
}

function prepareSocketDirectory(dir: string, runAs: { uid: number; gid: number } | undefined) {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (runAs) fs.chownSync(dir, runAs.uid, runAs.gid);
  fs.chmodSync(dir, 0o700);
}

async function startPostmaster(
  postgres: string,
  pgdata: string,
  port: number,
  socketDir: string | undefined,
  dataDir: string,
  password: string,
  runAs: { uid: number; gid: number } | undefined,
): Promise<ChildProcess> {
  const logFile = path.join(dataDir, "postgres.log");
  const fd = fs.openSync(logFile, "a", 0o600);
  if (runAs) fs.fchownSync(fd, runAs.uid, runAs.gid);
  const child = spawn(
    postgres,
    [
      "-D",
      pgdata,
      "-p",
      String(port),
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      `unix_socket_directories=${socketDir ?? ""}`,
      "-c",
      "unix_socket_permissions=0700",
      "-c",
      "max_connections=200",
      "-c",
      "shared_buffers=128MB",
    ],
    // Own process group: Ctrl+C in the terminal reaches Rapport, which then stops
    // PostgreSQL after the server has drained, not before.
    { ...(runAs ?? {}), detached: true, stdio: ["ignore", fd, fd], env: { ...process.env, LC_ALL: "C" } },
  );
  fs.closeSync(fd);
  let exited = false;
  child.once("exit", () => {
    exited = true;
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (exited) {
      const tail = fs.readFileSync(logFile, "utf8").split("\n").slice(-15).join("\n");
      throw new Error(`embedded PostgreSQL failed to start; end of ${logFile}:\n${tail}`);
    }
    if (await accepts(port, password)) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGQUIT");
  throw new Error(`embedded PostgreSQL did not accept connections within 120 s; see ${logFile}`);
}

async function stopPostmaster(pid: number, ownerFile: string): Promise<void> {
  if (isAlive(pid)) {
    process.kill(pid, "SIGINT"); // fast shutdown: roll back open transactions, checkpoint, exit
    const deadline = Date.now() + 30_000;
    while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    if (isAlive(pid)) process.kill(pid, "SIGQUIT");
  }
  if (readPid(ownerFile) === process.pid) fs.rmSync(ownerFile, { force: true });
}

function readRunningPostmaster(pgdata: string): { pid: number; port: number; socketDir: string | undefined } | undefined {
  try {
    const lines = fs.readFileSync(path.join(pgdata, "postmaster.pid"), "utf8").split("\n");
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    if (!Number.isInteger(pid) || !Number.isInteger(port) || !isAlive(pid)) return undefined;
    // Line 5: the first Unix socket directory, empty when there is none.
    return { pid, port, socketDir: lines[4]?.trim() || undefined };
  } catch {
    return undefined;
  }
}

async function accepts(port: number, password: string): Promise<boolean> {
  const client = new pg.Client({
    host: "127.0.0.1",
    port,
    user: SUPERUSER,
    password,
    database: "postgres",
    connectionTimeoutMillis: 2000,
  });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(file, "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === "object" && addr ? resolve(addr.port) : reject(new Error("no free port"))));
    });
  });
}
