import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { exportQuerySchema } from "@rapport/contract";
import cliProgress from "cli-progress";
import { Argument, type Command, Option } from "commander";
import type { Kysely } from "kysely";
import { companySearchResolver } from "../modules/companies/index.js";
import { contactSearchResolver } from "../modules/contacts/index.js";
import {
  countRecords,
  errorReport,
  exportCsv,
  exportVcard,
  type ImportRow,
  openImportFile,
  runImport,
} from "../modules/data-transfer/index.js";
import { iamRepository } from "../modules/iam/index.js";
import { SearchService } from "../modules/search/index.js";
import type { Principal } from "../platform/auth/principal.js";
import { loadConfig } from "../platform/config.js";
import type { DB } from "../platform/db/schema.js";
import { localDiskStorage } from "../platform/storage/storage.js";
import { withDatabase } from "./context.js";

function bar(format: string) {
  return new cliProgress.SingleBar(
    {
      format,
      hideCursor: true,
      stream: process.stderr,
      etaBuffer: 50,
      // Logs and CI have no terminal: print a line every few seconds instead.
      noTTYOutput: true,
      notTTYSchedule: 5000,
    },
    cliProgress.Presets.shades_classic,
  );
}

async function workspace(db: Kysely<DB>, slug: string) {
  const ws = await iamRepository.workspaceBySlug(db, slug);
  if (!ws) throw new Error(`no workspace "${slug}" (list them with: rapport workspaces list)`);
  return ws;
}

const storage = () => localDiskStorage(path.join(loadConfig().dataDir, "files"));

/** `--map "First Name=firstName,Notes=-"`: columns by header, "-" (or nothing) leaves a column out. */
export function applyMapOption(headers: string[], suggested: (string | null)[], map: string | undefined): (string | null)[] {
  const mapping = [...suggested];
  for (const pair of (map ?? "").split(",").filter((p) => p.trim())) {
    const at = pair.lastIndexOf("=");
    const header = pair.slice(0, at).trim();
    const target = pair.slice(at + 1).trim();
    const i = headers.indexOf(header) >= 0 ? headers.indexOf(header) : headers.findIndex((h) => h.toLowerCase() === header.toLowerCase());
    if (at < 0 || i < 0) throw new Error(`--map: no column "${header}"; the columns are: ${headers.join(", ")}`);
    mapping[i] = target === "-" || target === "" ? null : target;
  }
  return mapping;
}

/** `--filter "lifecycleStage[eq]=customer"` (or the API's `filter[lifecycleStage][eq]=customer`), repeatable. */
export function filterParams(filters: string[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const f of filters) {
    const at = f.indexOf("=");
    if (at < 0) throw new Error(`--filter "${f}": use field[op]=value`);
    const raw = f.slice(0, at).trim();
    const key = raw.startsWith("filter[") ? raw : raw.replace(/^([^[\]]+)\[/, "filter[$1][");
    const value = f.slice(at + 1);
    const prev = out[key];
    out[key] = prev === undefined ? value : [...(Array.isArray(prev) ? prev : [prev]), value];
  }
  return out;
}

/** The CLI reads like an administrator of the workspace: every record, every field. */
const cliPrincipal = (workspaceId: string): Principal => ({
  workspaceId,
  actorType: "api_key",
  actorId: "00000000-0000-0000-0000-000000000000",
  userId: null,
  role: "admin",
  teamIds: [],
  sessionId: null,
});

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerTransferCommands(program: Command) {
  program
    .command("import")
    .description(
      "import people (or companies) from a CSV or vCard file; running it again on an interrupted import of the same file resumes it",
    )
    .addArgument(new Argument("<object>", "what the file holds").choices(["contacts", "companies"]))
    .argument("<file>", "CSV file (any delimiter; UTF-8, UTF-16 or Latin-1) or vCard file (2.1, 3.0, 4.0)")
    .requiredOption("--workspace <slug>", "workspace to import into")
    .option("--map <pairs>", 'column mapping over the suggested one, e.g. "First Name=firstName,E-mail=email,Notes=-"')
    .addOption(
      new Option("--match <by>", "how rows find existing people (companies are matched by domain, then name)")
        .choices(["email", "phone", "external-id"])
        .default("email"),
    )
    .addOption(new Option("--on-match <action>", "what a row that matches does").choices(["update", "skip", "create"]).default("update"))
    .option("--dry-run", "check every row and report, write nothing")
    .option("--errors <file>", "write the error report (row, column, reason) to this CSV file")
    .option("--batch-size <rows>", "rows per transaction", "10000")
    .action(
      (
        object: string,
        file: string,
        opts: {
          workspace: string;
          map?: string;
          match: "email" | "phone" | "external-id";
          onMatch: "update" | "skip" | "create";
          dryRun?: boolean;
          errors?: string;
          batchSize: string;
        },
      ) =>
        withDatabase(async ({ db }) => {
          const ws = await workspace(db, opts.workspace);
          const deps = { db, storage: storage() };
          const opened = await openImportFile(
            deps,
            ws.id,
            path.basename(file),
            fs.createReadStream(file),
            (upload) => ({
              mapping: applyMapOption(upload.headers, upload.mapping, opts.map),
              matchBy: opts.match === "external-id" ? "externalId" : opts.match,
              onMatch: opts.onMatch,
              dryRun: opts.dryRun ?? false,
            }),
            object === "companies" ? "company" : "contact",
          );
          let row = opened.row;
          if (opened.resumed)
            process.stderr.write(`resuming import ${row.id} at row ${Number(row.rows_done) + 2} (its settings are kept)\n`);
          const total = await countRecords(deps.storage, row);
          const progress = bar("import [{bar}] {percentage}% | {value}/{total} rows | {rate} rows/s | {eta_formatted} left | {detail}");
          progress.start(total, Number(row.rows_done), { rate: "-", detail: "" });
          const started = Date.now();
          const from = Number(row.rows_done);
          const outcome = await runImport(
            deps,
            { workspaceId: ws.id, importId: row.id },
            {
              batchRows: Math.max(1, Number(opts.batchSize) || 10_000),
              onProgress: (r: ImportRow) => {
                row = r;
                const rate = Math.round((Number(r.rows_done) - from) / Math.max((Date.now() - started) / 1000, 0.001));
                progress.update(Number(r.rows_done), {
                  rate: rate.toLocaleString("en"),
                  detail: `${r.created_count} created, ${r.updated_count} updated, ${r.skipped_count} skipped, ${r.failed_count} failed`,
                });
              },
            },
          );
          progress.stop();
          const seconds = (Date.now() - started) / 1000;
          process.stderr.write(
            `${outcome}${row.dry_run ? " (dry run: nothing written)" : ""}: ${row.rows_done} rows in ${seconds.toFixed(1)} s — ` +
              `${row.created_count} created, ${row.updated_count} updated, ${row.skipped_count} skipped, ${row.failed_count} failed (import ${row.id})\n`,
          );
          if (opts.errors) {
            await pipeline(errorReport(db, ws.id, row.id), fs.createWriteStream(opts.errors));
            process.stderr.write(`error report: ${opts.errors}\n`);
          }
          if (outcome !== "completed") process.exitCode = 1;
        }),
    );

  program
    .command("export")
    .description("write a list of people or companies as CSV (or people as vCard) to standard output")
    .addArgument(new Argument("<object>", "what to export").choices(["contacts", "companies"]))
    .requiredOption("--workspace <slug>", "workspace to export from")
    .option("--filter <field[op]=value>", 'a list filter as in the API, e.g. "lifecycleStage[eq]=customer" (repeatable)', collect, [])
    .option("--sort <fields>", 'sort as in the API, e.g. "-createdAt,name"')
    .option("--search <text>", "only records that a search finds")
    .option("--columns <keys>", 'columns as field keys, e.g. "name,email,custom.tier" (default: all main fields)')
    .option("--trash", "export the trash instead")
    .addOption(new Option("--format <format>", "file format").choices(["csv", "vcf"]).default("csv"))
    .action(
      (
        object: "contacts" | "companies",
        opts: {
          workspace: string;
          filter: string[];
          sort?: string;
          search?: string;
          columns?: string;
          trash?: boolean;
          format: "csv" | "vcf";
        },
      ) =>
        withDatabase(async ({ db, appConnection }) => {
          const ws = await workspace(db, opts.workspace);
          if (opts.format === "vcf" && object !== "contacts") throw new Error("--format vcf: only for contacts");
          const parsed = exportQuerySchema.safeParse({
            ...filterParams(opts.filter),
            sort: opts.sort,
            q: opts.search,
            columns: opts.columns,
            trash: opts.trash ? "true" : undefined,
          });
          if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
          const search = new SearchService(db);
          search.register("p", contactSearchResolver(db));
          search.register("c", companySearchResolver(db));
          const deps = { db, connection: appConnection, search, defaultCountry: async () => ws.default_country };
          const progress = bar("export | {value} rows | {rate} rows/s");
          let rows = 0;
          const started = Date.now();
          progress.start(0, 0, { rate: "-" });
          const onRows = (n: number) => {
            rows += n;
            progress.setTotal(rows);
            progress.update(rows, { rate: Math.round(rows / Math.max((Date.now() - started) / 1000, 0.001)).toLocaleString("en") });
          };
          const opts2 = { visibility: { all: true } as const, onRows };
          const principal = cliPrincipal(ws.id);
          const stream =
            opts.format === "vcf"
              ? await exportVcard(deps, principal, parsed.data, opts2)
              : await exportCsv(deps, principal, object === "contacts" ? "contact" : "company", parsed.data, opts2);
          await pipeline(stream, process.stdout);
          progress.stop();
          process.stderr.write(`exported ${rows.toLocaleString("en")} ${object} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
        }),
    );
}
