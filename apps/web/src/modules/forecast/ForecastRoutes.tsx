import { Tabs } from "@mantine/core";
import { lazy } from "react";
import { Route, Routes, useLocation, useNavigate } from "react-router";
import { NotFoundPage } from "../../platform/shell/NotFoundPage";
import { forecastTexts as t } from "./forecast.texts";
import "@mantine/charts/styles.css";

const ForecastPage = lazy(() => import("./pages/ForecastPage").then((m) => ({ default: m.ForecastPage })));
const MetricsPage = lazy(() => import("./pages/MetricsPage").then((m) => ({ default: m.MetricsPage })));
const QuotasPage = lazy(() => import("./pages/QuotasPage").then((m) => ({ default: m.QuotasPage })));

/** The forecast area: a tab per page. */
export function ForecastRoutes() {
  const location = useLocation();
  const navigate = useNavigate();
  const tab = location.pathname.endsWith("/metrics") ? "metrics" : location.pathname.endsWith("/quotas") ? "quotas" : "forecast";
  return (
    <>
      <Tabs value={tab} onChange={(v) => navigate(v === "forecast" ? "/forecast" : `/forecast/${v}`)} mb="md">
        <Tabs.List>
          <Tabs.Tab value="forecast">{t.tabs.forecast}</Tabs.Tab>
          <Tabs.Tab value="metrics">{t.tabs.metrics}</Tabs.Tab>
          <Tabs.Tab value="quotas">{t.tabs.quotas}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <Routes>
        <Route index element={<ForecastPage />} />
        <Route path="metrics" element={<MetricsPage />} />
        <Route path="quotas" element={<QuotasPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
  );
}
