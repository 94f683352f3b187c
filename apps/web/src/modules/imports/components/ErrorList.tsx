import { Button, Table, Text } from "@mantine/core";
import { ErrorState } from "../../../platform/feedback/ErrorState";
import { TableSkeleton } from "../../../platform/feedback/TableSkeleton";
import { formatNumber } from "../../../platform/format/number";
import { importsTexts } from "../imports.texts";
import { useImportErrors } from "../queries/imports.queries";

const texts = importsTexts.summary;

/** The rejected rows of an import or dry run, page by page: row, column and reason. */
export function ErrorList({ importId, count }: { importId: string; count: number }) {
  const errors = useImportErrors(importId, count > 0);
  if (count === 0) {
    return (
      <Text size="sm" c="dimmed">
        {texts.noErrors}
      </Text>
    );
  }
  if (errors.isPending) return <TableSkeleton rows={3} />;
  if (errors.isError) return <ErrorState error={errors.error} onRetry={() => void errors.refetch()} />;
  const items = errors.data.pages.flatMap((p) => p.items);
  return (
    <>
      <Table.ScrollContainer minWidth={480} mah={360}>
        <Table verticalSpacing={4} striped aria-label={texts.errorsLabel} stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>{texts.row}</Table.Th>
              <Table.Th w={180}>{texts.column}</Table.Th>
              <Table.Th>{texts.reason}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a row can have several errors in one column
              <Table.Tr key={`${e.row}:${i}`}>
                <Table.Td>{formatNumber(e.row)}</Table.Td>
                <Table.Td>{e.column}</Table.Td>
                <Table.Td>{e.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {errors.hasNextPage && (
        <Button variant="subtle" size="xs" loading={errors.isFetchingNextPage} onClick={() => void errors.fetchNextPage()}>
          {importsTexts.list.loadMore}
        </Button>
      )}
    </>
  );
}
