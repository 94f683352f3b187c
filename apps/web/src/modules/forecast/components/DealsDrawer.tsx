import { Badge, Button, Drawer, Stack, Table, Text } from "@mantine/core";
import { ErrorState } from "../../../platform/feedback/ErrorState";
import { TableSkeleton } from "../../../platform/feedback/TableSkeleton";
import { formatDate } from "../../../platform/format/date";
import { formatMoney } from "../../../platform/format/number";
import { type DrillDown, useForecastDeals } from "../forecast.queries";
import { forecastTexts as t } from "../forecast.texts";

type Props = { drill: DrillDown | null; title: string; onClose: () => void };

/** The deals behind one forecast number, largest first. */
export function DealsDrawer({ drill, title, onClose }: Props) {
  const deals = useForecastDeals(drill);
  const items = deals.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Drawer opened={drill !== null} onClose={onClose} title={title} position="right" size="xl">
      {deals.isPending && drill ? (
        <TableSkeleton rows={5} />
      ) : deals.isError ? (
        <ErrorState error={deals.error} onRetry={() => deals.refetch()} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t.drawer.none}</Text>
      ) : (
        <Stack>
          <Table striped aria-label={title}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.drawer.name}</Table.Th>
                <Table.Th>{t.drawer.stage}</Table.Th>
                <Table.Th ta="right">{t.drawer.amount}</Table.Th>
                <Table.Th ta="right">{t.drawer.weighted}</Table.Th>
                <Table.Th>{t.drawer.date}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>{d.name}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" size="sm">
                      {t.categories[d.category]}
                    </Badge>{" "}
                    {d.stageName} · {d.probability} %
                  </Table.Td>
                  <Table.Td ta="right">{formatMoney(d.amountMinor, d.currency)}</Table.Td>
                  <Table.Td ta="right">{formatMoney(d.weightedAmountMinor, d.currency)}</Table.Td>
                  <Table.Td>
                    {d.closedAt ? formatDate(d.closedAt) : d.expectedCloseDate ? formatDate(`${d.expectedCloseDate}T12:00:00`) : t.none}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {deals.hasNextPage && (
            <Button variant="default" onClick={() => deals.fetchNextPage()} loading={deals.isFetchingNextPage}>
              {t.drawer.more}
            </Button>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
