import { Group, SegmentedControl, Select, Stack, Text } from "@mantine/core";
import type { ForecastGroupBy, ForecastMeasure } from "@rapport/contract";
import { IconChartBar } from "@tabler/icons-react";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { EmptyState } from "../../../platform/feedback/EmptyState";
import { ErrorState } from "../../../platform/feedback/ErrorState";
import { TableSkeleton } from "../../../platform/feedback/TableSkeleton";
import { PageHeader } from "../../../platform/shell/PageHeader";
import { AccuracyTable } from "../components/AccuracyTable";
import { DealsDrawer } from "../components/DealsDrawer";
import { ForecastChart } from "../components/ForecastChart";
import { ForecastTable } from "../components/ForecastTable";
import { type DrillDown, useForecast } from "../forecast.queries";
import { forecastTexts as t } from "../forecast.texts";
import { periodOptions } from "../period-options";

const GROUPS: ForecastGroupBy[] = ["rep", "team", "region"];

/** /forecast: a period's figures by rep, team or region, the chart against quotas, and accuracy. */
export function ForecastPage() {
  const [params, setParams] = useSearchParams();
  const period = params.get("period") ?? "this-quarter";
  const groupByParam = params.get("groupBy");
  const groupBy: ForecastGroupBy = GROUPS.includes(groupByParam as ForecastGroupBy) ? (groupByParam as ForecastGroupBy) : "rep";
  const forecast = useForecast(period, groupBy);
  const [drill, setDrill] = useState<{ d: DrillDown; title: string } | null>(null);
  const set = (key: string, value: string) =>
    setParams((p) => {
      p.set(key, value);
      return p;
    });
  const open = (measure: ForecastMeasure, key: string | null | undefined, label: string, currency: string) =>
    setDrill({ d: { period, groupBy, measure, key, currency }, title: t.showDeals(t.measures[measure] ?? measure, label) });
  const empty = forecast.data && forecast.data.rows.length === 0 && forecast.data.total.every((f) => f.wonCount + f.openCount === 0);

  return (
    <>
      <PageHeader title={t.title} description={t.description} />
      <Group mb="md" align="flex-end">
        <Select
          label={t.period}
          data={periodOptions()}
          value={period}
          onChange={(v) => v && set("period", v)}
          allowDeselect={false}
          searchable
          w={200}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="forecast-group-by">
            {t.groupBy}
          </Text>
          <SegmentedControl
            aria-labelledby="forecast-group-by"
            value={groupBy}
            onChange={(v) => set("groupBy", v)}
            data={GROUPS.map((g) => ({ value: g, label: t.groups[g] }))}
          />
        </Stack>
        {forecast.data && (
          <Text size="sm" c="dimmed">
            {t.periodRange(forecast.data.period.start, forecast.data.period.end, forecast.data.period.timeZone)}
          </Text>
        )}
      </Group>
      <Stack>
        {forecast.isPending ? (
          <TableSkeleton rows={6} />
        ) : forecast.isError ? (
          <ErrorState error={forecast.error} onRetry={() => forecast.refetch()} />
        ) : empty ? (
          <EmptyState icon={<IconChartBar />} title={t.emptyTitle} description={t.emptyDescription} />
        ) : (
          <>
            <ForecastChart forecast={forecast.data} />
            <ForecastTable forecast={forecast.data} open={open} />
          </>
        )}
        <AccuracyTable />
      </Stack>
      <DealsDrawer drill={drill?.d ?? null} title={drill?.title ?? ""} onClose={() => setDrill(null)} />
    </>
  );
}
