import { type Kysely, sql } from "kysely";
import type { DB } from "../../../platform/db/schema.js";
import { contactTokens } from "../../contacts/index.js";
import { indexRecords } from "./contact-batch-writes.js";
import type { ImportRunContext } from "./import-context.js";
import { type ImportRow, importsRepository } from "./imports.repository.js";
import { withImports } from "./imports.tables.js";
import type { PhaseTimings } from "./phase-timings.js";

/**
 * People per chunk of the follow-up. A chunk's ~10 tokens a person are inserted sorted by
 * token in one statement: the larger the chunk, the more of them land on the same B-tree
 * page (at 10,000 people nearly every token of a million-person index dirtied its own page).
 */
export const INDEX_CHUNK = 50_000;

/**
 * Writes the search tokens of the people an import created or updated, after its rows are
 * applied (decision 0022), chunk by chunk in person-id order through `import_rows`; each
 * chunk commits with its position (`indexed_through`), so a restart resumes after the last
 * committed chunk. The people are locked (FOR SHARE) while their tokens are replaced, so an
 * edit in between waits and then writes its own tokens; tokens come from the stored values,
 * with search's own token rules (`contactTokens`). Returns false when stopped by `deadline`.
 */
export async function indexImportedPeople(
  db: Kysely<DB>,
  ctx: ImportRunContext,
  timings: PhaseTimings,
  opts: { deadline?: number; chunk?: number; onProgress?: (row: ImportRow) => void } = {},
): Promise<boolean> {
  const ws = ctx.ws;
  const chunk = opts.chunk ?? INDEX_CHUNK;
  for (;;) {
    if (opts.deadline && Date.now() > opts.deadline) return false;
    const done = await timings.time("searchable", () =>
      db.transaction().execute(async (tx) => {
        // As for batches: a lost commit loses the chunk with its position (decision 0020).
        await sql`SET LOCAL synchronous_commit = off`.execute(tx);
        const imp = await withImports(tx)
          .selectFrom("imports")
          .select(["indexed_through"])
          .where("workspace_id", "=", ws)
          .where("id", "=", ctx.importId)
          .forUpdate()
          .executeTakeFirstOrThrow();
        const ids = (
          await withImports(tx)
            .selectFrom("import_rows")
            .select("entity_id")
            .where("workspace_id", "=", ws)
            .where("import_id", "=", ctx.importId)
            .where("entity_type", "=", "p")
            .$if(imp.indexed_through !== null, (q) => q.where("entity_id", ">", imp.indexed_through as string))
            .orderBy("entity_id")
            .limit(chunk)
            .execute()
        ).map((r) => r.entity_id);
        if (ids.length === 0) return true;
        const people = await sql<{
          id: string;
          first_name: string;
          last_name: string;
          emails: string[];
          phones: string[];
          tags: string[];
          custom: Record<string, unknown>;
        }>`SELECT id, first_name, last_name, emails, phones, tags, custom FROM contacts
            WHERE workspace_id = ${ws}::uuid AND id = ANY(${ids}::uuid[]) FOR SHARE`.execute(tx);
        await indexRecords(
          tx,
          ws,
          "p",
          people.rows.map((p) => ({ id: p.id, tokens: contactTokens(p, ctx.contactDefs) })),
          { locked: true },
        );
        await withImports(tx)
          .updateTable("imports")
          .set({ indexed_through: ids[ids.length - 1] as string, indexed_count: sql`indexed_count + ${ids.length}` })
          .where("workspace_id", "=", ws)
          .where("id", "=", ctx.importId)
          .execute();
        return false;
      }),
    );
    if (opts.onProgress) opts.onProgress((await importsRepository.byId(db, ws, ctx.importId, null)) as ImportRow);
    if (done) return true;
  }
}
