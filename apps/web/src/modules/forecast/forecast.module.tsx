import { IconChartBar } from "@tabler/icons-react";
import type { AppModule } from "../../platform/modules/module.types";
import { ForecastRoutes } from "./ForecastRoutes";
import { forecastKey, quotasKey } from "./forecast.queries";
import { forecastTexts } from "./forecast.texts";

/** Forecast (/forecast), sales metrics (/forecast/metrics) and quotas (/forecast/quotas). */
export const forecastModule: AppModule = {
  id: "forecast",
  label: forecastTexts.navLabel,
  icon: IconChartBar,
  path: "/forecast",
  requiredPermission: "records.read",
  routes: [{ path: "forecast/*", element: <ForecastRoutes /> }],
  commands: [
    {
      id: "forecast:metrics",
      label: forecastTexts.metricsTitle,
      icon: IconChartBar,
      path: "/forecast/metrics",
      keywords: ["win rate", "velocity", "conversion"],
    },
    {
      id: "forecast:quotas",
      label: forecastTexts.quotasTitle,
      icon: IconChartBar,
      path: "/forecast/quotas",
      keywords: ["targets", "quota"],
    },
  ],
  invalidates: { quota: [quotasKey, forecastKey], deal: [forecastKey], forecast_settings: [forecastKey] },
  entityTypeLabels: { quota: "Quota", forecast_settings: "Forecast settings" },
};
