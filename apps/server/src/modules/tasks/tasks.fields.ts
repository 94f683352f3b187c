import { taskPriorities } from "@rapport/contract";
import { sql } from "kysely";
import { col, type FieldDef } from "../../platform/db/list-query/index.js";

const A = "t";

/** What task lists can filter and sort on (the allow-list; nothing else reaches SQL). */
export const taskFields: Map<string, FieldDef> = new Map(
  (
    [
      { key: "title", label: "Title", type: "text", expr: col(A, "title"), sortable: true, notNull: true },
      { key: "status", label: "Status", type: "select", expr: col(A, "status"), sortable: true, notNull: true, options: ["open", "done"] },
      {
        key: "priority",
        label: "Priority",
        type: "select",
        expr: col(A, "priority"),
        // low < normal < high < urgent; one digit, so its text sorts like the number.
        sortExpr: sql`(${col(A, "priority_rank")})::text`,
        sortable: true,
        notNull: true,
        options: [...taskPriorities],
      },
      { key: "assigneeId", label: "Assignee", type: "uuid", expr: col(A, "assignee_id"), sortable: false },
      { key: "creatorId", label: "Creator", type: "uuid", expr: col(A, "creator_id"), sortable: false },
      { key: "linkedType", label: "Linked record type", type: "text", expr: col(A, "linked_type"), sortable: false },
      { key: "linkedId", label: "Linked record", type: "uuid", expr: col(A, "linked_id"), sortable: false },
      { key: "sourceType", label: "Created by (type)", type: "text", expr: col(A, "source_type"), sortable: false },
      { key: "sourceId", label: "Created by", type: "uuid", expr: col(A, "source_id"), sortable: false },
      // All-day tasks count from midnight UTC of their date.
      { key: "due", label: "Due", type: "datetime", expr: col(A, "due_key"), sortable: true },
      { key: "remindAt", label: "Reminder", type: "datetime", expr: col(A, "remind_at"), sortable: true },
      { key: "completedAt", label: "Completed", type: "datetime", expr: col(A, "completed_at"), sortable: true },
      { key: "createdAt", label: "Created", type: "datetime", expr: col(A, "created_at"), sortable: true, notNull: true },
      { key: "updatedAt", label: "Updated", type: "datetime", expr: col(A, "updated_at"), sortable: true, notNull: true },
    ] satisfies FieldDef[]
  ).map((f) => [f.key, f]),
);
