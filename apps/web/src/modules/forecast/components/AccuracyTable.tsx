import { Paper, Table, Text } from "@mantine/core";
import { ErrorState } from "../../../platform/feedback/ErrorState";
import { TableSkeleton } from "../../../platform/feedback/TableSkeleton";
import { formatMoney } from "../../../platform/format/number";
import { useAccuracy } from "../forecast.queries";
import { forecastTexts as t } from "../forecast.texts";

const pct = (v: number | null) => (v === null ? t.none : `${v} %`);

/** The last four quarters: the forecast at their start against what was won. */
export function AccuracyTable() {
  const accuracy = useAccuracy();
  const rows = accuracy.data?.items.flatMap((i) => i.figures.map((f) => ({ period: i.period.key, ...f }))) ?? [];
  return (
    <Paper withBorder p="md" radius="md">
      <Text fw={600}>{t.accuracy.title}</Text>
      <Text size="sm" c="dimmed" mb="sm">
        {t.accuracy.description}
      </Text>
      {accuracy.isPending ? (
        <TableSkeleton rows={4} />
      ) : accuracy.isError ? (
        <ErrorState error={accuracy.error} onRetry={() => accuracy.refetch()} />
      ) : rows.length === 0 ? (
        <Text c="dimmed">{t.accuracy.empty}</Text>
      ) : (
        <Table striped aria-label={t.accuracy.title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.accuracy.period}</Table.Th>
              <Table.Th ta="right">{t.accuracy.commit}</Table.Th>
              <Table.Th ta="right">{t.accuracy.weighted}</Table.Th>
              <Table.Th ta="right">{t.accuracy.actual}</Table.Th>
              <Table.Th ta="right">{t.accuracy.commitAccuracy}</Table.Th>
              <Table.Th ta="right">{t.accuracy.weightedAccuracy}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={`${r.period}-${r.currency}`}>
                <Table.Td>
                  {r.period} · {r.currency}
                </Table.Td>
                <Table.Td ta="right">{formatMoney(r.forecastCommitMinor, r.currency)}</Table.Td>
                <Table.Td ta="right">{formatMoney(r.forecastWeightedMinor, r.currency)}</Table.Td>
                <Table.Td ta="right">{formatMoney(r.actualWonMinor, r.currency)}</Table.Td>
                <Table.Td ta="right">{pct(r.commitAccuracyPercent)}</Table.Td>
                <Table.Td ta="right">{pct(r.weightedAccuracyPercent)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
