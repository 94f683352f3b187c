import { Anchor, Button, Group, Paper, Table, Text } from "@mantine/core";
import { IconFileImport, IconUpload } from "@tabler/icons-react";
import { Link } from "react-router";
import { EmptyState } from "../../../platform/feedback/EmptyState";
import { ErrorState } from "../../../platform/feedback/ErrorState";
import { TableSkeleton } from "../../../platform/feedback/TableSkeleton";
import { formatDateTime, formatRelativeTime } from "../../../platform/format/date";
import { formatNumber } from "../../../platform/format/number";
import { PageHeader } from "../../../platform/shell/PageHeader";
import { ImportStatusBadge } from "../components/ImportStatusBadge";
import { importsTexts } from "../imports.texts";
import { useImports } from "../queries/imports.queries";

const texts = importsTexts.list;

/** /imports — earlier imports with their status and results, newest first; the way to a new one. */
export function ImportsPage() {
  const imports = useImports();
  const items = imports.data?.pages.flatMap((p) => p.items) ?? [];
  const newButton = (
    <Group gap="xs">
      <Button component={Link} to="/imports/new" leftSection={<IconUpload size={16} aria-hidden />}>
        {importsTexts.newImport}
      </Button>
      <Button component={Link} to="/imports/new?type=company" variant="default" leftSection={<IconUpload size={16} aria-hidden />}>
        {importsTexts.companies.newImport}
      </Button>
    </Group>
  );

  return (
    <>
      <PageHeader title={importsTexts.title} description={importsTexts.description} actions={newButton} />
      {imports.isPending ? (
        <TableSkeleton />
      ) : imports.isError ? (
        <ErrorState error={imports.error} onRetry={() => void imports.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState icon={<IconFileImport size={24} />} title={texts.empty} description={texts.emptyDescription} action={newButton} />
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" highlightOnHover aria-label={texts.label}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{texts.file}</Table.Th>
                  <Table.Th>{texts.status}</Table.Th>
                  <Table.Th ta="right">{texts.rows}</Table.Th>
                  <Table.Th>{texts.results}</Table.Th>
                  <Table.Th>{texts.when}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((imp) => (
                  <Table.Tr key={imp.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/imports/${imp.id}`} fw={500} style={{ overflowWrap: "anywhere" }}>
                        {imp.filename}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <ImportStatusBadge imp={imp} />
                    </Table.Td>
                    <Table.Td ta="right">{formatNumber(imp.progress.rowsDone)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {[imp.progress.created, imp.progress.updated, imp.progress.failed].map(formatNumber).join(" · ")}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" title={formatDateTime(imp.createdAt)}>
                        {formatRelativeTime(imp.createdAt)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {imports.hasNextPage && (
        <Button mt="sm" variant="subtle" loading={imports.isFetchingNextPage} onClick={() => void imports.fetchNextPage()}>
          {texts.loadMore}
        </Button>
      )}
    </>
  );
}
