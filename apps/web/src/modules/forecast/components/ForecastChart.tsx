import { CompositeChart } from "@mantine/charts";
import { Paper, Text } from "@mantine/core";
import type { Forecast } from "@rapport/contract";
import { formatMoney } from "../../../platform/format/number";
import { forecastTexts as t } from "../forecast.texts";

/** Bars of closed won, commit and best case per row, and the quota as a line, in the workspace currency. */
export function ForecastChart({ forecast }: { forecast: Forecast }) {
  const currency = forecast.currency;
  const data = forecast.rows.map((r) => {
    const f = r.figures.find((x) => x.currency === currency);
    return {
      label: r.label,
      closedWon: f?.closedWonMinor ?? 0,
      commit: f?.commitMinor ?? 0,
      bestCase: f?.bestCaseMinor ?? 0,
      quota: f?.quotaMinor ?? null,
    };
  });
  return (
    <Paper withBorder p="md" radius="md">
      <Text fw={600} mb="sm">
        {t.chartTitle(currency)}
      </Text>
      <CompositeChart
        h={280}
        data={data}
        dataKey="label"
        withLegend
        valueFormatter={(v) => formatMoney(v, currency)}
        yAxisProps={{ width: 90 }}
        series={[
          { name: "closedWon", label: t.measures.closedWon, color: "teal.6", type: "bar" },
          { name: "commit", label: t.measures.commit, color: "blue.6", type: "bar" },
          { name: "bestCase", label: t.measures.bestCase, color: "violet.4", type: "bar" },
          { name: "quota", label: t.quota, color: "red.6", type: "line" },
        ]}
        aria-label={t.chartTitle(currency)}
      />
    </Paper>
  );
}
