import crypto from "node:crypto";
import { type Kysely, sql } from "kysely";
import { systemActor } from "../../platform/auth/principal.js";
import type { DB } from "../../platform/db/schema.js";
import { createUser, createWorkspace, iamRepository } from "../iam/index.js";
import { FIRST_NAMES, LAST_NAMES } from "./names.js";

export const LARGE = { slug: "bench", name: "Benchmark Co", users: 20 };

/**
 * A workspace with `count` people for benchmarks, generated inside PostgreSQL in batches
 * (fast, flat memory). Names, emails and phones are ASCII, so folding them in SQL
 * (lower()) gives exactly the tokens the application's tokenizer would. Run ANALYZE after.
 */
export async function seedLargeWorkspace(
  db: Kysely<DB>,
  count: number,
  onProgress: (done: number, total: number) => void,
): Promise<{ workspaceId: string; created: number }> {
  let ws = await iamRepository.workspaceBySlug(db, LARGE.slug);
  if (!ws) {
    ws = await db.transaction().execute(async (tx) => {
      const w = await createWorkspace(tx, { slug: LARGE.slug, name: LARGE.name });
      for (let i = 0; i < LARGE.users; i++) {
        await createUser(tx, systemActor(w.id), {
          email: `rep${i}@bench.example`,
          name: `Rep ${i}`,
          role: i === 0 ? "admin" : "member",
          password: crypto.randomBytes(16).toString("hex"),
        });
      }
      return w;
    });
  }
  const workspaceId = ws.id;
  const users = (await db.selectFrom("users").select("id").where("workspace_id", "=", workspaceId).orderBy("id").execute()).map(
    (u) => u.id,
  );
  const existing = Number(
    (
      await db
        .selectFrom("contacts")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("workspace_id", "=", workspaceId)
        .executeTakeFirstOrThrow()
    ).n,
  );
  const batch = 25_000;
  for (let start = existing; start < count; start += batch) {
    const end = Math.min(count, start + batch);
    // One statement per batch: the contacts and their search tokens (a data-modifying CTE).
    await db.transaction().execute(async (tx) => {
      await sql`SET LOCAL statement_timeout = '15min'`.execute(tx);
      await sql`
      WITH ins AS (
        INSERT INTO contacts (workspace_id, id, first_name, last_name, title, emails, phones, lifecycle_stage, source, owner_id, tags, created_at, updated_at, last_interaction_at)
        SELECT ${workspaceId}::uuid, gen_random_uuid(), f.name, l.name,
               (ARRAY['CEO','CTO','Buyer','Head of Operations','Engineer','Plant Manager','Procurement Lead'])[1 + i % 7],
               ARRAY[lower(f.name || '.' || l.name || i::text || '@' || (ARRAY['gmail.example','acme.example','mail.example','work.example'])[1 + i % 4])],
               ARRAY['+1555' || lpad((i % 10000000)::text, 7, '0')],
               (ARRAY['lead','prospect','customer','customer','churned','opportunity'])[1 + i % 6],
               (ARRAY['web','referral','trade show','import'])[1 + i % 4],
               (${users}::uuid[])[1 + i % ${users.length}],
               CASE WHEN i % 10 = 0 THEN ARRAY['vip'] ELSE '{}' END,
               now() - (i % 730) * interval '1 day',
               now() - (i % 365) * interval '1 day' - (i % 86400) * interval '1 second',
               CASE WHEN i % 3 = 0 THEN now() - (i % 200) * interval '1 day' END
          FROM generate_series(${start}::int, ${end - 1}::int) AS i
          CROSS JOIN LATERAL (SELECT (${FIRST_NAMES}::text[])[1 + (i::bigint * 7919) % ${FIRST_NAMES.length}] AS name) f
          CROSS JOIN LATERAL (SELECT (${LAST_NAMES}::text[])[1 + (i::bigint / 3 * 104729) % ${LAST_NAMES.length}] AS name) l
        RETURNING workspace_id, id, first_name, last_name, emails[1] AS email, phones[1] AS phone, tags)
      INSERT INTO search_tokens (workspace_id, token, entity_type, entity_id, field)
      SELECT DISTINCT ins.workspace_id, t.token, 'p', ins.id, t.field
        FROM ins CROSS JOIN LATERAL (
          VALUES (lower(first_name), 'n'), (lower(last_name), 'n'), (email, 'e'),
                 (split_part(split_part(email, '@', 1), '.', 1), 'e'), (split_part(split_part(email, '@', 1), '.', 2), 'e'),
                 (split_part(email, '@', 2), 'd'), (substr(phone, 2), 'p'), (substr(phone, 3), 'p'),
                 (lower(tags[1]), 't')) AS t(token, field)
       WHERE t.token IS NOT NULL AND t.token <> ''`.execute(tx);
    });
    onProgress(end, count);
  }
  await db.transaction().execute(async (tx) => {
    await sql`SET LOCAL statement_timeout = '15min'`.execute(tx);
    await sql`INSERT INTO search_vocabulary (workspace_id, token)
              SELECT DISTINCT workspace_id, token FROM search_tokens WHERE workspace_id = ${workspaceId}::uuid AND field = 'n'
              ON CONFLICT DO NOTHING`.execute(tx);
    // Word pairs of the people seeded above (decision 0030), by the migration's SQL rule.
    if (existing < count) await sql`SELECT search_pairs_backfill(${workspaceId}::uuid)`.execute(tx);
  });
  return { workspaceId, created: Math.max(0, count - existing) };
}
