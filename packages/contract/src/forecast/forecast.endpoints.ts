import { z } from "zod";
import { idParamsSchema, pageOf } from "../platform/common.js";
import { endpoint } from "../platform/endpoint.js";
import {
  accuracyQuerySchema,
  accuracySchema,
  createQuotaBodySchema,
  forecastDealSchema,
  forecastDealsQuerySchema,
  forecastQuerySchema,
  forecastSchema,
  forecastSettingsSchema,
  listQuotasQuerySchema,
  quotaSchema,
  salesMetricsQuerySchema,
  salesMetricsSchema,
  updateForecastSettingsBodySchema,
  updateQuotaBodySchema,
} from "./forecast.schemas.js";

const F = ["Forecast"];

export const forecastEndpoints = {
  get: endpoint({
    method: "GET",
    path: "/api/v1/forecast",
    summary: "Closed won, commit, best case and pipeline of a month or quarter, per rep, team or region, against quotas",
    tags: F,
    query: forecastQuerySchema,
    status: 200,
    response: forecastSchema,
  }),
  deals: endpoint({
    method: "GET",
    path: "/api/v1/forecast/deals",
    summary: "The deals behind one forecast number (largest first)",
    tags: F,
    query: forecastDealsQuerySchema,
    status: 200,
    response: pageOf(forecastDealSchema),
  }),
  accuracy: endpoint({
    method: "GET",
    path: "/api/v1/forecast/accuracy",
    summary: "For past periods: the forecast at the start of each (replayed from deal history) against what closed",
    tags: F,
    query: accuracyQuerySchema,
    status: 200,
    response: accuracySchema,
  }),
  settings: endpoint({
    method: "GET",
    path: "/api/v1/forecast/settings",
    summary: "The forecast's time zone and category thresholds",
    tags: F,
    status: 200,
    response: forecastSettingsSchema,
  }),
  updateSettings: endpoint({
    method: "PUT",
    path: "/api/v1/forecast/settings",
    summary: "Set the time zone of forecast periods (administrators)",
    tags: F,
    body: updateForecastSettingsBodySchema,
    status: 200,
    response: forecastSettingsSchema,
  }),
  metrics: endpoint({
    method: "GET",
    path: "/api/v1/sales-metrics",
    summary: "Win rate, average deal size, sales cycle, pipeline velocity and stage conversion of a period, by rep",
    tags: F,
    query: salesMetricsQuerySchema,
    status: 200,
    response: salesMetricsSchema,
  }),
};

const Q = ["Quotas"];
export const quotaEndpoints = {
  list: endpoint({
    method: "GET",
    path: "/api/v1/quotas",
    summary: "Sales targets of reps and teams",
    tags: Q,
    query: listQuotasQuerySchema,
    status: 200,
    response: z.object({ items: z.array(quotaSchema) }),
  }),
  create: endpoint({
    method: "POST",
    path: "/api/v1/quotas",
    summary: "Set a rep's or team's target for a month or quarter (administrators and managers)",
    tags: Q,
    body: createQuotaBodySchema,
    status: 201,
    response: quotaSchema,
  }),
  update: endpoint({
    method: "PATCH",
    path: "/api/v1/quotas/{id}",
    summary: "Change a target's amount or currency",
    tags: Q,
    params: idParamsSchema,
    body: updateQuotaBodySchema,
    status: 200,
    response: quotaSchema,
  }),
  remove: endpoint({
    method: "DELETE",
    path: "/api/v1/quotas/{id}",
    summary: "Remove a target",
    tags: Q,
    params: idParamsSchema,
    status: 204,
    response: null,
  }),
};
