import type { ColumnType, Generated, GeneratedAlways } from "kysely";

/**
 * Row types of the tables, kept next to the migrations that define them (DESIGN.md §3:
 * "generated row types checked in"). `npm run db:types` compares them with the live
 * schema; edit both together.
 */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp column with a default (usually now()). */
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;

export type Role = "admin" | "manager" | "member" | "read_only";

export interface WorkspacesTable {
  id: string;
  slug: string;
  name: string;
  default_currency: Generated<string>;
  default_country: Generated<string>;
  created_at: DefaultTimestamp;
  time_zone: Generated<string>;
}

export interface UsersTable {
  workspace_id: string;
  id: string;
  email: string;
  name: string;
  role: Role;
  password_hash: string | null;
  active: Generated<boolean>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  time_zone: string | null;
}

export interface TeamsTable {
  workspace_id: string;
  id: string;
  name: string;
  created_at: DefaultTimestamp;
}

export interface TeamMembersTable {
  workspace_id: string;
  team_id: string;
  user_id: string;
}

export interface SessionsTable {
  workspace_id: string;
  id: string;
  user_id: string;
  token_hash: Buffer;
  created_at: DefaultTimestamp;
  last_seen_at: DefaultTimestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiKeysTable {
  workspace_id: string;
  id: string;
  name: string;
  role: Role;
  secret_hash: Buffer;
  created_by: string | null;
  created_at: DefaultTimestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface SignInThrottleTable {
  key: string;
  failures: Generated<number>;
  window_started_at: DefaultTimestamp;
  locked_until: Timestamp | null;
}

export interface DomainEventsTable {
  workspace_id: string;
  id: string;
  seq: Generated<number>;
  txid: Generated<string>;
  type: string;
  entity_type: string;
  entity_id: string;
  actor_type: "user" | "api_key" | "system";
  actor_id: string | null;
  payload: Json;
  occurred_at: DefaultTimestamp;
}

export interface EventConsumersTable {
  name: string;
  last_txid: Generated<string>;
  last_seq: Generated<number>;
  updated_at: DefaultTimestamp;
}

export interface AuditLogTable {
  workspace_id: string;
  id: Generated<number>;
  event_id: string;
  occurred_at: Timestamp;
  actor_type: string;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  field: Generated<string>;
  old_value: Json | null;
  new_value: Json | null;
}

export interface IdempotencyKeysTable {
  workspace_id: string;
  principal_id: string;
  key: string;
  request_hash: string;
  status_code: number | null;
  response: Json | null;
  created_at: DefaultTimestamp;
}

export interface CustomFieldDefinitionsTable {
  workspace_id: string;
  id: string;
  object_type: "contact" | "company";
  key: string;
  label: string;
  type: string;
  options: ColumnType<string[], string | undefined, string>;
  required: Generated<boolean>;
  position: Generated<number>;
  created_at: DefaultTimestamp;
}

type TextArray = ColumnType<string[], string[] | undefined, string[]>;
type JsonObject = ColumnType<Record<string, unknown>, string | undefined, string>;
type JsonArray = ColumnType<unknown[], string | undefined, string>;

interface RecordColumns {
  workspace_id: string;
  id: string;
  phones: TextArray;
  addresses: JsonArray;
  social: JsonObject;
  lifecycle_stage: Generated<string>;
  source: string | null;
  owner_id: string | null;
  tags: TextArray;
  notes: string | null;
  custom: JsonObject;
  last_interaction_at: Timestamp | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  deleted_at: Timestamp | null;
}

export interface ContactsTable extends RecordColumns {
  first_name: Generated<string>;
  last_name: Generated<string>;
  name: GeneratedAlways<string>;
  name_key: GeneratedAlways<string>;
  last_name_key: GeneratedAlways<string>;
  title: string | null;
  emails: TextArray;
  merged_into: string | null;
}

export interface CompaniesTable extends RecordColumns {
  name: string;
  name_key: GeneratedAlways<string>;
  domain: string | null;
  industry: string | null;
  size: string | null;
  employees: number | null;
  region: string | null;
  country: string | null;
}

export interface ContactCompaniesTable {
  workspace_id: string;
  contact_id: string;
  company_id: string;
  role: string | null;
  is_primary: Generated<boolean>;
  created_at: DefaultTimestamp;
}

export interface SearchTokensTable {
  workspace_id: string;
  token: string;
  entity_type: "p" | "c" | "d";
  entity_id: string;
  field: string;
}

export interface SearchVocabularyTable {
  workspace_id: string;
  token: string;
}

export interface InteractionsTable {
  workspace_id: string;
  id: string;
  type: string;
  occurred_at: Timestamp;
  subject: string | null;
  body: string | null;
  direction: "inbound" | "outbound" | null;
  duration_seconds: number | null;
  outcome: string | null;
  ends_at: Timestamp | null;
  location: string | null;
  channel_ref: string | null;
  author_id: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  deleted_at: Timestamp | null;
}

export interface InteractionLinksTable {
  workspace_id: string;
  interaction_id: string;
  entity_type: "p" | "c";
  entity_id: string;
  occurred_at: Timestamp;
  type: string;
}

export interface InteractionAttendeesTable {
  workspace_id: string;
  interaction_id: string;
  user_id: string;
}

export interface DocumentsTable {
  workspace_id: string;
  id: string;
  entity_type: "p" | "c";
  entity_id: string;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by: string | null;
  created_at: DefaultTimestamp;
}

export interface SavedViewsTable {
  workspace_id: string;
  id: string;
  object_type: "contact" | "company" | "deal";
  name: string;
  owner_id: string;
  shared: Generated<boolean>;
  definition: ColumnType<unknown, string, string>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface NotificationsTable {
  workspace_id: string;
  id: string;
  user_id: string;
  kind: string;
  title: string;
  entity_type: string | null;
  entity_id: string | null;
  created_at: DefaultTimestamp;
  read_at: Timestamp | null;
}

export interface TasksTable {
  workspace_id: string;
  id: string;
  title: string;
  notes: string | null;
  /** A date column, read as 'YYYY-MM-DD' text (see the pg type parser in connection.ts). */
  due_on: string | null;
  due_at: Timestamp | null;
  due_key: GeneratedAlways<Date | null>;
  priority: Generated<string>;
  priority_rank: GeneratedAlways<number>;
  status: Generated<string>;
  completed_at: Timestamp | null;
  assignee_id: string;
  creator_id: string | null;
  linked_type: string | null;
  linked_id: string | null;
  source_type: string | null;
  source_id: string | null;
  remind_at: Timestamp | null;
  reminded_at: Timestamp | null;
  revision: Generated<number>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface CalendarFeedsTable {
  workspace_id: string;
  user_id: string;
  token_hash: Buffer;
  created_at: DefaultTimestamp;
  last_used_at: Timestamp | null;
}

export interface DB {
  workspaces: WorkspacesTable;
  users: UsersTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  sign_in_throttle: SignInThrottleTable;
  domain_events: DomainEventsTable;
  event_consumers: EventConsumersTable;
  audit_log: AuditLogTable;
  idempotency_keys: IdempotencyKeysTable;
  custom_field_definitions: CustomFieldDefinitionsTable;
  contacts: ContactsTable;
  companies: CompaniesTable;
  contact_companies: ContactCompaniesTable;
  search_tokens: SearchTokensTable;
  search_vocabulary: SearchVocabularyTable;
  interactions: InteractionsTable;
  interaction_links: InteractionLinksTable;
  interaction_attendees: InteractionAttendeesTable;
  documents: DocumentsTable;
  saved_views: SavedViewsTable;
  notifications: NotificationsTable;
  pipelines: PipelinesTable;
  pipeline_stages: PipelineStagesTable;
  products: ProductsTable;
  product_prices: ProductPricesTable;
  deals: DealsTable;
  deal_contacts: DealContactsTable;
  deal_line_items: DealLineItemsTable;
  deal_stage_periods: DealStagePeriodsTable;
  deal_snapshots: DealSnapshotsTable;
  tasks: TasksTable;
  calendar_feeds: CalendarFeedsTable;
}

// ── Sales (20261129T1000_sales.sql) ──────────────────────────────────────────────────────
/** Money and quantities are bigint columns, read as JS numbers (connection.ts parses int8). */
type BigintColumn = ColumnType<number, number | string | bigint, number | string | bigint>;

export interface PipelinesTable {
  workspace_id: string;
  id: string;
  name: string;
  position: Generated<number>;
  archived_at: Timestamp | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface PipelineStagesTable {
  workspace_id: string;
  id: string;
  pipeline_id: string;
  name: string;
  position: number;
  probability: number;
  rotting_days: number | null;
  kind: "open" | "won" | "lost";
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface ProductsTable {
  workspace_id: string;
  id: string;
  code: string;
  code_key: GeneratedAlways<string>;
  name: string;
  name_key: GeneratedAlways<string>;
  product_line: string | null;
  description: string | null;
  active: Generated<boolean>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface ProductPricesTable {
  workspace_id: string;
  product_id: string;
  currency: string;
  unit_price_minor: BigintColumn;
}

export interface DealsTable {
  workspace_id: string;
  id: string;
  name: string;
  name_key: GeneratedAlways<string>;
  pipeline_id: string;
  stage_id: string;
  board_rank: Generated<number>;
  status: Generated<"open" | "won" | "lost">;
  lost_reason: string | null;
  closed_at: Timestamp | null;
  amount_minor: BigintColumn;
  currency: string;
  has_line_items: Generated<boolean>;
  /** A date column, read as 'YYYY-MM-DD' (connection.ts). */
  expected_close_date: ColumnType<string | null, string | null, string | null>;
  owner_id: string | null;
  company_id: string | null;
  source: string | null;
  campaign: string | null;
  region: string | null;
  stage_entered_at: DefaultTimestamp;
  rots_at: Timestamp | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  deleted_at: Timestamp | null;
}

export interface DealContactsTable {
  workspace_id: string;
  deal_id: string;
  contact_id: string;
  role: string | null;
  position: Generated<number>;
}

export interface DealLineItemsTable {
  workspace_id: string;
  id: string;
  deal_id: string;
  product_id: string;
  position: number;
  quantity_milli: BigintColumn;
  unit_price_minor: BigintColumn;
  discount_bp: number | null;
  discount_minor: BigintColumn;
  total_minor: BigintColumn;
}

export interface DealStagePeriodsTable {
  workspace_id: string;
  id: string;
  deal_id: string;
  pipeline_id: string;
  stage_id: string;
  entered_at: Timestamp;
  left_at: Timestamp | null;
}

export interface DealSnapshotsTable {
  workspace_id: string;
  id: string;
  deal_id: string;
  recorded_at: DefaultTimestamp;
  pipeline_id: string;
  stage_id: string;
  status: "open" | "won" | "lost";
  amount_minor: BigintColumn;
  currency: string;
  probability: number;
  /** A date column, read as 'YYYY-MM-DD' (connection.ts). */
  expected_close_date: ColumnType<string | null, string | null, string | null>;
  changed: Generated<string[]>;
}

// ── Playbooks (20261129T1600_playbooks.sql) ──────────────────────────────────────────────
export interface DB {
  playbooks: PlaybooksTable;
  playbook_variants: PlaybookVariantsTable;
  playbook_step_tasks: PlaybookStepTasksTable;
}

export interface PlaybooksTable {
  workspace_id: string;
  id: string;
  pipeline_id: string;
  name: string;
  stages: Json;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface PlaybookVariantsTable {
  workspace_id: string;
  playbook_id: string;
  region: string;
  name: string;
  stages: Json;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface PlaybookStepTasksTable {
  workspace_id: string;
  id: string;
  deal_id: string;
  stage_id: string;
  stage_entered_at: Timestamp;
  step_key: string;
  task_id: string;
  task_status: Generated<"open" | "done" | "deleted">;
  /** A date column: select it as `::text` (pg would parse it into a local-time Date). */
  due_on: ColumnType<string | null, string | null, string | null>;
  created_at: DefaultTimestamp;
}

// ── Forecast (20261129T1500_forecast.sql) ───────────────────────────────────────────────

export interface ForecastSettingsTable {
  workspace_id: string;
  time_zone: Generated<string>;
  updated_at: DefaultTimestamp;
}

export interface QuotasTable {
  workspace_id: string;
  id: string;
  target_type: "user" | "team";
  user_id: string | null;
  team_id: string | null;
  period_kind: "month" | "quarter";
  /** A date column: select it as `::text`. */
  period_start: ColumnType<string, string, string>;
  amount_minor: BigintColumn;
  currency: string;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface DB {
  forecast_settings: ForecastSettingsTable;
  quotas: QuotasTable;
}
