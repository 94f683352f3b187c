import { Group, Paper, Select, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import type { SalesMetrics } from "@rapport/contract";
import { IconChartBar } from "@tabler/icons-react";
import { useSearchParams } from "react-router";
import { EmptyState } from "../../../platform/feedback/EmptyState";
import { ErrorState } from "../../../platform/feedback/ErrorState";
import { TableSkeleton } from "../../../platform/feedback/TableSkeleton";
import { formatMoney } from "../../../platform/format/number";
import { PageHeader } from "../../../platform/shell/PageHeader";
import { useSalesMetrics } from "../forecast.queries";
import { forecastTexts as t } from "../forecast.texts";
import { periodOptions } from "../period-options";

type Rep = SalesMetrics["total"];
const pct = (v: number | null) => (v === null ? t.none : `${v} %`);
const money = (r: Rep, field: "averageWonMinor" | "velocityPerDayMinor") =>
  r.byCurrency
    .filter((c) => c[field] !== null)
    .map((c) =>
      field === "velocityPerDayMinor"
        ? t.metrics.perDay(formatMoney(c[field] as number, c.currency))
        : formatMoney(c[field] as number, c.currency),
    )
    .join(", ") || t.none;

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
    </Paper>
  );
}

/** /forecast/metrics: win rate, deal size, cycle, velocity and stage conversion, in total and by rep. */
export function MetricsPage() {
  const [params, setParams] = useSearchParams();
  const period = params.get("period") ?? "this-quarter";
  const metrics = useSalesMetrics(period);
  const m = metrics.data;
  return (
    <>
      <PageHeader title={t.metricsTitle} description={t.metricsDescription} />
      <Group mb="md">
        <Select
          label={t.period}
          data={periodOptions()}
          value={period}
          onChange={(v) =>
            v &&
            setParams((p) => {
              p.set("period", v);
              return p;
            })
          }
          allowDeselect={false}
          searchable
          w={200}
        />
      </Group>
      {metrics.isPending ? (
        <TableSkeleton rows={6} />
      ) : metrics.isError ? (
        <ErrorState error={metrics.error} onRetry={() => metrics.refetch()} />
      ) : m && m.reps.length === 0 ? (
        <EmptyState icon={<IconChartBar />} title={t.metrics.empty} />
      ) : m ? (
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <Stat label={t.metrics.winRate} value={pct(m.total.winRatePercent)} />
            <Stat label={t.metrics.averageSize} value={money(m.total, "averageWonMinor")} />
            <Stat label={t.metrics.cycle} value={m.total.averageCycleDays === null ? t.none : t.metrics.days(m.total.averageCycleDays)} />
            <Stat label={t.metrics.velocity} value={money(m.total, "velocityPerDayMinor")} />
          </SimpleGrid>
          <Paper withBorder p="md" radius="md">
            <Table.ScrollContainer minWidth={800}>
              <Table striped aria-label={t.metricsTitle}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t.metrics.rep}</Table.Th>
                    <Table.Th ta="right">{t.metrics.won}</Table.Th>
                    <Table.Th ta="right">{t.metrics.lost}</Table.Th>
                    <Table.Th ta="right">{t.metrics.winRate}</Table.Th>
                    <Table.Th ta="right">{t.metrics.averageSize}</Table.Th>
                    <Table.Th ta="right">{t.metrics.cycle}</Table.Th>
                    <Table.Th ta="right">{t.metrics.velocity}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {m.reps.map((r) => (
                    <Table.Tr key={r.ownerId ?? "none"}>
                      <Table.Td>{r.label}</Table.Td>
                      <Table.Td ta="right">{r.wonCount}</Table.Td>
                      <Table.Td ta="right">{r.lostCount}</Table.Td>
                      <Table.Td ta="right">{pct(r.winRatePercent)}</Table.Td>
                      <Table.Td ta="right">{money(r, "averageWonMinor")}</Table.Td>
                      <Table.Td ta="right">{r.averageCycleDays === null ? t.none : t.metrics.days(r.averageCycleDays)}</Table.Td>
                      <Table.Td ta="right">{money(r, "velocityPerDayMinor")}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          <Paper withBorder p="md" radius="md">
            <Text fw={600} mb="sm">
              {t.metrics.conversionTitle}
            </Text>
            {m.stageConversion.length === 0 ? (
              <Text c="dimmed">{t.metrics.noConversion}</Text>
            ) : (
              <Table striped aria-label={t.metrics.conversionTitle}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t.metrics.stage}</Table.Th>
                    <Table.Th ta="right">{t.metrics.entered}</Table.Th>
                    <Table.Th ta="right">{t.metrics.advanced}</Table.Th>
                    <Table.Th ta="right">{t.metrics.conversion}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {m.stageConversion.map((s) => (
                    <Table.Tr key={s.stageId}>
                      <Table.Td>{s.stageName}</Table.Td>
                      <Table.Td ta="right">{s.entered}</Table.Td>
                      <Table.Td ta="right">{s.advanced}</Table.Td>
                      <Table.Td ta="right">{pct(s.conversionPercent)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
        </Stack>
      ) : null}
    </>
  );
}
