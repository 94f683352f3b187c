import { Paper, Table, Text } from "@mantine/core";
import type { Forecast, ForecastFigures, ForecastMeasure } from "@rapport/contract";
import { formatMoney } from "../../../platform/format/number";
import { forecastTexts as t } from "../forecast.texts";
import { MoneyButton } from "./MoneyButton";

const MEASURES: [ForecastMeasure, keyof ForecastFigures][] = [
  ["closedWon", "closedWonMinor"],
  ["commit", "commitMinor"],
  ["bestCase", "bestCaseMinor"],
  ["openPipeline", "openPipelineMinor"],
  ["weightedPipeline", "weightedPipelineMinor"],
];

export type Open = (measure: ForecastMeasure, key: string | null | undefined, label: string, currency: string) => void;

function Cells({ f, rowKey, label, open }: { f: ForecastFigures; rowKey: string | null | undefined; label: string; open: Open }) {
  return (
    <>
      {MEASURES.map(([measure, field]) => (
        <Table.Td key={measure} ta="right">
          <MoneyButton
            amountMinor={f[field] as number}
            currency={f.currency}
            label={`${t.measures[measure]} · ${label} · ${f.currency}`}
            onOpen={() => open(measure, rowKey, label, f.currency)}
          />
        </Table.Td>
      ))}
      <Table.Td ta="right">{f.quotaMinor === null ? t.none : formatMoney(f.quotaMinor, f.currency)}</Table.Td>
      <Table.Td ta="right">{f.attainmentPercent === null ? t.none : `${f.attainmentPercent} %`}</Table.Td>
    </>
  );
}

/** One line per row and currency; the workspace currency first, other currencies listed apart. */
export function ForecastTable({ forecast, open }: { forecast: Forecast; open: Open }) {
  const main = forecast.currency;
  const lines = forecast.rows.flatMap((r) => r.figures.map((f) => ({ row: r, f })));
  const mainLines = lines.filter((l) => l.f.currency === main);
  const otherLines = lines.filter((l) => l.f.currency !== main);
  const head = (
    <Table.Thead>
      <Table.Tr>
        <Table.Th>{t.groups[forecast.groupBy]}</Table.Th>
        {MEASURES.map(([m]) => (
          <Table.Th key={m} ta="right">
            {t.measures[m]}
          </Table.Th>
        ))}
        <Table.Th ta="right">{t.quota}</Table.Th>
        <Table.Th ta="right">{t.attainment}</Table.Th>
      </Table.Tr>
    </Table.Thead>
  );
  return (
    <Paper withBorder p="md" radius="md">
      <Table.ScrollContainer minWidth={900}>
        <Table striped highlightOnHover aria-label={t.title}>
          {head}
          <Table.Tbody>
            {mainLines.map(({ row, f }) => (
              <Table.Tr key={`${row.key}-${f.currency}`}>
                <Table.Td>{row.label}</Table.Td>
                <Cells f={f} rowKey={row.key} label={row.label} open={open} />
              </Table.Tr>
            ))}
            {forecast.total
              .filter((f) => f.currency === main)
              .map((f) => (
                <Table.Tr key={`total-${f.currency}`} fw={700}>
                  <Table.Td>{t.total}</Table.Td>
                  <Cells f={f} rowKey={undefined} label={t.total} open={open} />
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {otherLines.length > 0 && (
        <>
          <Text fw={600} mt="md" mb="xs">
            {t.otherCurrencies}
          </Text>
          <Table.ScrollContainer minWidth={900}>
            <Table striped aria-label={t.otherCurrencies}>
              {head}
              <Table.Tbody>
                {otherLines.map(({ row, f }) => (
                  <Table.Tr key={`${row.key}-${f.currency}`}>
                    <Table.Td>
                      {row.label} · {f.currency}
                    </Table.Td>
                    <Cells f={f} rowKey={row.key} label={row.label} open={open} />
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Paper>
  );
}
