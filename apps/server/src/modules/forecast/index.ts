/** Forecast: closed won, commit, best case and pipeline per period against quotas; accuracy; sales metrics. */

export { createQuota } from "./commands/save-quota.js";
export { forecastSettingsEventRule, quotaEventRule } from "./forecast.policy.js";
export { registerForecastRoutes } from "./forecast.routes.js";
export { periodContaining, shiftPeriod, todayIn } from "./period.rules.js";
