/** Forecast: closed won, commit, best case and pipeline per period against quotas; accuracy; sales metrics. */
export { forecastSettingsEventRule, quotaEventRule } from "./forecast.policy.js";
export { registerForecastRoutes } from "./forecast.routes.js";
