import { forecastEndpoints as ep, quotaEndpoints as qep } from "@rapport/contract";
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import type { Authenticator } from "../../platform/auth/authenticator.js";
import { actorOf, requirePermission } from "../../platform/auth/principal.js";
import type { DB } from "../../platform/db/schema.js";
import { recordEvent } from "../../platform/events/outbox.js";
import { runCommand } from "../../platform/http/command.js";
import { route } from "../../platform/http/route.js";
import { recordVisibility } from "../iam/index.js";
import { createQuota, deleteQuota, updateQuota } from "./commands/save-quota.js";
import { invalidPeriod, invalidTimeZone } from "./forecast.errors.js";
import { FORECAST_SETTINGS_UPDATED } from "./forecast.events.js";
import { presentQuota } from "./forecast.presenter.js";
import { forecastRepository } from "./forecast.repository.js";
import { BEST_CASE_PROBABILITY, COMMIT_PROBABILITY } from "./forecast.rules.js";
import { isTimeZone, parsePeriod } from "./period.rules.js";
import { forecastAccuracy } from "./queries/forecast-accuracy.js";
import { forecastDeals } from "./queries/forecast-deals.js";
import { getForecast } from "./queries/get-forecast.js";
import { salesMetrics } from "./queries/sales-metrics.js";
import { quotasRepository } from "./quotas.repository.js";

const settingsOf = (timeZone: string) => ({ timeZone, commitProbability: COMMIT_PROBABILITY, bestCaseProbability: BEST_CASE_PROBABILITY });

export function registerForecastRoutes(app: FastifyInstance, deps: { db: Kysely<DB>; auth: Authenticator }) {
  const { db, auth } = deps;

  route(app, auth, ep.get, async ({ principal, query }) => {
    requirePermission(principal, "records.read");
    return getForecast(db, principal, query);
  });

  route(app, auth, ep.deals, async ({ principal, query }) => {
    requirePermission(principal, "records.read");
    return forecastDeals(db, principal, query);
  });

  route(app, auth, ep.accuracy, async ({ principal, query }) => {
    requirePermission(principal, "records.read");
    return forecastAccuracy(db, principal, query);
  });

  route(app, auth, ep.metrics, async ({ principal, query }) => {
    requirePermission(principal, "records.read");
    return salesMetrics(db, principal, query);
  });

  route(app, auth, ep.settings, async ({ principal }) => {
    requirePermission(principal, "records.read");
    return settingsOf(await forecastRepository.timeZone(db, principal.workspaceId));
  });

  route(app, auth, ep.updateSettings, async ({ principal, body, req }) => {
    requirePermission(principal, "workspace.manage");
    // Only zone names the runtime knows reach SQL (as a bound value all the same).
    if (!isTimeZone(body.timeZone)) throw invalidTimeZone();
    return runCommand(db, req, async (tx) => {
      await forecastRepository.saveTimeZone(tx, principal.workspaceId, body.timeZone);
      await recordEvent(tx, actorOf(principal), {
        type: FORECAST_SETTINGS_UPDATED,
        entityType: "forecast_settings",
        entityId: principal.workspaceId,
        payload: { timeZone: body.timeZone },
      });
      return settingsOf(body.timeZone);
    });
  });

  route(app, auth, qep.list, async ({ principal, query }) => {
    requirePermission(principal, "records.read");
    const period = query.period ? parsePeriod(query.period, "1970-01-01") : undefined;
    if (period === null) throw invalidPeriod();
    const v = await recordVisibility(db, principal);
    const rows = await quotasRepository.list(db, principal.workspaceId, v, principal.teamIds, {
      periodStarts: period ? [period.start] : undefined,
      userId: query.userId,
      teamId: query.teamId,
    });
    return { items: rows.filter((r) => !period || r.period_kind === period.kind).map(presentQuota) };
  });

  route(app, auth, qep.create, async ({ principal, body, req }) => {
    requirePermission(principal, "sales.manage");
    return runCommand(db, req, (tx) => createQuota(tx, principal, body));
  });

  route(app, auth, qep.update, async ({ principal, params, body, req }) => {
    requirePermission(principal, "sales.manage");
    return runCommand(db, req, (tx) => updateQuota(tx, principal, params.id, body));
  });

  route(app, auth, qep.remove, async ({ principal, params, req }) => {
    requirePermission(principal, "sales.manage");
    await runCommand(db, req, (tx) => deleteQuota(tx, principal, params.id));
    return undefined;
  });
}
