/** Domain events of the forecast module (entity types `quota` and `forecast_settings`). */
export const QUOTA_EVENTS = { created: "quota.created", updated: "quota.updated", deleted: "quota.deleted" } as const;
export const FORECAST_SETTINGS_UPDATED = "forecast_settings.updated";
