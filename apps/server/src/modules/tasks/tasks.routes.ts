import { taskEndpoints as ep, type Task } from "@rapport/contract";
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import type { Authenticator } from "../../platform/auth/authenticator.js";
import { type Principal, requirePermission } from "../../platform/auth/principal.js";
import { parseFilters, parseSort, runList } from "../../platform/db/list-query/index.js";
import type { DB } from "../../platform/db/schema.js";
import { runCommand } from "../../platform/http/command.js";
import { forbidden, notFound } from "../../platform/http/problem.js";
import { route } from "../../platform/http/route.js";
import { recordVisibility, timeZoneOf } from "../iam/index.js";
import { completeTask, reopenTask } from "./commands/complete-task.js";
import { createTask } from "./commands/create-task.js";
import { deleteTask } from "./commands/delete-task.js";
import { taskContext } from "./commands/task-context.js";
import { updateTask } from "./commands/update-task.js";
import { dayBounds, groupByDue } from "./due-groups.rules.js";
import type { TaskLinkTypes } from "./task-links.js";
import { taskFields } from "./tasks.fields.js";
import { taskVisibleSql } from "./tasks.policy.js";
import { presentTask } from "./tasks.presenter.js";
import { type TaskRow, tasksRepository } from "./tasks.repository.js";

/** "My tasks" answers at most this many open tasks; the list endpoint pages through all. */
const MY_TASKS_MAX = 500;

export function registerTaskRoutes(app: FastifyInstance, deps: { db: Kysely<DB>; auth: Authenticator; links: TaskLinkTypes }) {
  const { db, auth, links } = deps;

  async function present(p: Principal, rows: TaskRow[]) {
    const v = await recordVisibility(db, p);
    const refs = rows.flatMap((r) => (r.linked_type && r.linked_id ? [{ type: r.linked_type, id: r.linked_id }] : []));
    const names = await links.visibleNames(db, p.workspaceId, refs, v);
    return rows.map((r) => presentTask(r, names));
  }

  function me(p: Principal): string {
    requirePermission(p, "records.read");
    if (!p.userId) throw forbidden("My tasks belong to users; API keys list tasks with filter[assigneeId].");
    return p.userId;
  }

  route(app, auth, ep.list, async ({ principal, query }) => {
    requirePermission(principal, "records.read");
    const filters = parseFilters(query, taskFields);
    const sort = parseSort(query.sort, taskFields, "due");
    const v = await recordVisibility(db, principal);
    const page = await runList<TaskRow>(db, {
      table: "tasks",
      alias: "t",
      workspaceId: principal.workspaceId,
      conditions: [taskVisibleSql("t", principal, v)],
      filters,
      sort,
      cursor: query.cursor,
      limit: query.limit,
    });
    return { items: await present(principal, page.rows), nextCursor: page.nextCursor };
  });

  route(app, auth, ep.mine, async ({ principal }) => {
    const userId = me(principal);
    const { timeZone } = await timeZoneOf(db, principal.workspaceId, userId);
    const now = new Date();
    const day = dayBounds(now, timeZone);
    const rows = await tasksRepository.openAssigned(db, principal.workspaceId, userId, MY_TASKS_MAX + 1);
    const tasks = await present(principal, rows.slice(0, MY_TASKS_MAX));
    const dueOf = (t: Task) => ({ dueDate: t.dueDate, dueAt: t.dueAt ? new Date(t.dueAt) : null });
    const groups = groupByDue(tasks, dueOf, now, day);
    return { timeZone, today: day.today, ...groups, truncated: rows.length > MY_TASKS_MAX };
  });

  route(app, auth, ep.myCounts, async ({ principal }) => {
    const userId = me(principal);
    const { timeZone } = await timeZoneOf(db, principal.workspaceId, userId);
    const now = new Date();
    return tasksRepository.countsOf(db, principal.workspaceId, userId, now, dayBounds(now, timeZone));
  });

  route(app, auth, ep.get, async ({ principal, params }) => {
    requirePermission(principal, "records.read");
    const v = await recordVisibility(db, principal);
    const row = await tasksRepository.byId(db, principal.workspaceId, params.id, taskVisibleSql("t", principal, v));
    if (!row) throw notFound("task");
    const [task] = await present(principal, [row]);
    return task;
  });

  route(app, auth, ep.create, async ({ principal, body, req }) => {
    requirePermission(principal, "records.write");
    return runCommand(db, req, async (tx) => createTask(await taskContext(tx, principal, links), body));
  });

  route(app, auth, ep.update, async ({ principal, params, body, req }) => {
    requirePermission(principal, "records.write");
    return runCommand(db, req, async (tx) => updateTask(await taskContext(tx, principal, links), params.id, body));
  });

  route(app, auth, ep.complete, async ({ principal, params, req }) => {
    requirePermission(principal, "records.write");
    return runCommand(db, req, async (tx) => completeTask(await taskContext(tx, principal, links), params.id));
  });

  route(app, auth, ep.reopen, async ({ principal, params, req }) => {
    requirePermission(principal, "records.write");
    return runCommand(db, req, async (tx) => reopenTask(await taskContext(tx, principal, links), params.id));
  });

  route(app, auth, ep.remove, async ({ principal, params, req }) => {
    requirePermission(principal, "records.write");
    await runCommand(db, req, async (tx) => deleteTask(await taskContext(tx, principal, links), principal, params.id));
    return undefined;
  });
}
