import type { ColumnType, Generated, Kysely, Transaction } from "kysely";
import type { DB } from "../../../platform/db/schema.js";

/**
 * Row types of the tables of migration 20261125T1600_data_transfer.sql. They live with the
 * module until they join platform/db/schema.ts; `withImports` adds them to a connection.
 */
type Json = ColumnType<unknown, string, string>;
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Counter = ColumnType<number, number | undefined, number>;

export interface ImportsTable {
  workspace_id: string;
  id: string;
  object_type: "contact" | "company";
  status: "uploaded" | "queued" | "running" | "completed" | "failed" | "undone";
  filename: string;
  storage_key: string;
  size_bytes: number;
  sha256: string;
  encoding: string;
  delimiter: string;
  headers: Json;
  sample: Json;
  mapping: Json;
  suggested_mapping: Json;
  match_by: Generated<"email" | "phone" | "externalId">;
  on_match: Generated<"update" | "skip" | "create">;
  dry_run: Generated<boolean>;
  created_by_type: string;
  created_by_id: string | null;
  principal: ColumnType<unknown, string | null, string | null>;
  rows_done: Counter;
  created_count: Counter;
  updated_count: Counter;
  skipped_count: Counter;
  failed_count: Counter;
  busy_ms: Counter;
  last_error: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  started_at: Date | null;
  finished_at: Date | null;
  undone_at: Date | null;
}

export interface ImportRowsTable {
  workspace_id: string;
  import_id: string;
  entity_type: "p" | "c";
  entity_id: string;
  action: "c" | "u";
  row_number: number;
  before: ColumnType<unknown, string | null, string | null>;
}

export interface ImportKeysTable {
  workspace_id: string;
  import_id: string;
  key: string;
  entity_id: string;
}

export interface ImportErrorsTable {
  workspace_id: string;
  import_id: string;
  row_number: number;
  seq: number;
  column_name: string;
  reason: string;
}

export type ImportTables = {
  imports: ImportsTable;
  import_rows: ImportRowsTable;
  import_keys: ImportKeysTable;
  import_errors: ImportErrorsTable;
};

export function withImports(q: Kysely<DB>): Kysely<DB & ImportTables>;
export function withImports(q: Transaction<DB>): Transaction<DB & ImportTables>;
export function withImports(q: Kysely<DB> | Transaction<DB>) {
  return q.withTables<ImportTables>();
}
