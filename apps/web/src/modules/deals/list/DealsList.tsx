import { Anchor, Badge, Button, Center, Group, Table, Text, UnstyledButton } from "@mantine/core";
import type { Deal, Pipeline } from "@rapport/contract";
import { IconArrowDown, IconArrowsSort, IconArrowUp, IconBriefcase } from "@tabler/icons-react";
import { useMemo } from "react";
import { Link } from "react-router";
import { EmptyState } from "../../../platform/feedback/EmptyState";
import { ErrorState } from "../../../platform/feedback/ErrorState";
import { formatMoney, formatNumber } from "../../../platform/format/number";
import { recordPath } from "../../records/record-types";
import { OwnerAvatar } from "../components/OwnerAvatar";
import { dealsTexts } from "../deals.texts";
import { formatDay } from "../format-day";
import { type DealFilters, filtersToQuery } from "../queries/deal-filters";
import { useDealList } from "../queries/deals.queries";

const texts = dealsTexts.list;
type SortKey = "name" | "amountMinor" | "expectedCloseDate" | "createdAt";

/** The deals of a pipeline as a table, sortable by name, amount, expected close and age. */
export function DealsList({
  pipeline,
  filters,
  sort,
  onSort: setSort,
}: {
  pipeline: Pipeline;
  filters: DealFilters;
  /** `name`, `-amountMinor`…: kept in the page address with the filters (and in saved views). */
  sort: string;
  onSort: (sort: string) => void;
}) {
  const query = useMemo(() => {
    const { q, filter } = filtersToQuery(filters);
    return { limit: 50, sort, ...(q ? { q } : {}), filter: { ...filter, pipelineId: { eq: pipeline.id } } };
  }, [filters, pipeline.id, sort]);
  const list = useDealList(query);
  const deals = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const stageNames = useMemo(() => new Map(pipeline.stages.map((s) => [s.id, s.name])), [pipeline.stages]);

  const header = (key: SortKey, label: string) => {
    const direction = sort === key ? "ascending" : sort === `-${key}` ? "descending" : "none";
    const Icon = direction === "ascending" ? IconArrowUp : direction === "descending" ? IconArrowDown : IconArrowsSort;
    return (
      <Table.Th aria-sort={direction}>
        <UnstyledButton onClick={() => setSort(sort === key ? `-${key}` : key)} aria-label={texts.sortBy(label)}>
          <Group gap={4} wrap="nowrap">
            <Text size="sm" fw={600}>
              {label}
            </Text>
            <Icon size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Table.Th>
    );
  };

  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (list.isPending) return <Text c="dimmed">{dealsTexts.common.loading}</Text>;
  if (deals.length === 0) return <EmptyState icon={<IconBriefcase />} title={texts.empty} description={texts.emptyHint} />;

  return (
    <>
      <Table.ScrollContainer minWidth={900}>
        <Table striped highlightOnHover aria-label={texts.label} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              {header("name", texts.name)}
              <Table.Th>{texts.stage}</Table.Th>
              {header("amountMinor", texts.amount)}
              <Table.Th>{texts.weighted}</Table.Th>
              <Table.Th>{texts.company}</Table.Th>
              <Table.Th>{texts.owner}</Table.Th>
              {header("expectedCloseDate", texts.close)}
              <Table.Th>{texts.status}</Table.Th>
              <Table.Th>{texts.age}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {deals.map((deal) => (
              <DealRow key={deal.id} deal={deal} stageName={stageNames.get(deal.stageId) ?? ""} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between" mt="sm">
        <Text size="sm" c="dimmed">
          {texts.count(formatNumber(deals.length))}
        </Text>
        {list.hasNextPage && (
          <Center>
            <Button variant="default" size="xs" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {dealsTexts.common.loadMore}
            </Button>
          </Center>
        )}
      </Group>
    </>
  );
}

function DealRow({ deal, stageName }: { deal: Deal; stageName: string }) {
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/deals/${deal.id}`} size="sm" fw={500}>
          {deal.name}
        </Anchor>
        {deal.rotting && (
          <Badge size="xs" color="orange" variant="light" ml={6}>
            {dealsTexts.board.rotting}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>{stageName}</Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap" }}>{formatMoney(deal.amountMinor, deal.currency)}</Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap" }}>{formatMoney(deal.weightedAmountMinor, deal.currency)}</Table.Td>
      <Table.Td>
        {deal.companyId && deal.companyName ? (
          <Anchor component={Link} to={recordPath("company", deal.companyId)} size="sm">
            {deal.companyName}
          </Anchor>
        ) : (
          dealsTexts.common.none
        )}
      </Table.Td>
      <Table.Td>
        <OwnerAvatar ownerId={deal.ownerId} />
      </Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap" }}>
        {deal.expectedCloseDate ? formatDay(deal.expectedCloseDate) : dealsTexts.common.none}
      </Table.Td>
      <Table.Td>
        <Badge size="sm" variant="light" color={deal.status === "won" ? "teal" : deal.status === "lost" ? "red" : "blue"}>
          {dealsTexts.status[deal.status]}
        </Badge>
      </Table.Td>
      <Table.Td>{formatNumber(deal.daysInStage)}</Table.Td>
    </Table.Tr>
  );
}
