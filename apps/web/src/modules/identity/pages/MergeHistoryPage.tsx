import { Anchor, Badge, Button, Group, Paper, Table, Text } from "@mantine/core";
import type { Merge } from "@rapport/contract";
import { IconArrowBackUp, IconHistory } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { Link } from "react-router";
import { usePermissions } from "../../../platform/auth/use-permissions";
import { ConfirmDialog } from "../../../platform/feedback/ConfirmDialog";
import { EmptyState } from "../../../platform/feedback/EmptyState";
import { ErrorState } from "../../../platform/feedback/ErrorState";
import { notifySuccess } from "../../../platform/feedback/notify";
import { TableSkeleton } from "../../../platform/feedback/TableSkeleton";
import { formatDateTime } from "../../../platform/format/date";
import { formatNumber } from "../../../platform/format/number";
import { PageHeader } from "../../../platform/shell/PageHeader";
import { useUserDirectory } from "../../records/queries/users.queries";
import { recordPath } from "../../records/record-types";
import { identityTexts } from "../identity.texts";
import { useMergeHistory, useUndoMerge } from "../queries/identity.queries";

const texts = identityTexts.history;

/** Every merge, newest first, with Undo while nothing builds on it. */
export function MergeHistoryPage() {
  const history = useMergeHistory();
  const undo = useUndoMerge();
  const { can } = usePermissions();
  const { nameOf } = useUserDirectory();
  const [confirming, setConfirming] = useState<Merge | null>(null);
  const items = useMemo(() => history.data?.pages.flatMap((p) => p.items) ?? [], [history.data]);
  const moved = (m: Merge) =>
    Object.entries(m.moved)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${identityTexts.merge.moveNames[k] ?? k} ${formatNumber(n)}`)
      .join(", ");

  return (
    <>
      <PageHeader
        title={texts.title}
        description={texts.description}
        context={identityTexts.navLabel}
        actions={
          <Button component={Link} to="/duplicates" variant="default">
            {texts.back}
          </Button>
        }
      />
      {history.isPending ? (
        <TableSkeleton />
      ) : history.isError ? (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState icon={<IconHistory size={24} />} title={texts.empty} description={texts.emptyDescription} />
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{texts.when}</Table.Th>
                  <Table.Th>{texts.survivor}</Table.Th>
                  <Table.Th>{texts.merged}</Table.Th>
                  <Table.Th>{texts.moved}</Table.Th>
                  <Table.Th>{texts.by}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>{formatDateTime(m.createdAt)}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={recordPath("contact", m.survivorId)}>
                        {m.survivorName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={recordPath("contact", m.mergedId)}>
                        {m.mergedName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{moved(m) || identityTexts.queue.noValue}</Text>
                    </Table.Td>
                    <Table.Td>{m.automatic ? <Badge variant="light">{texts.automatic}</Badge> : (nameOf(m.mergedBy) ?? "")}</Table.Td>
                    <Table.Td>
                      <Group justify="flex-end">
                        {m.undoneAt ? (
                          <Text size="sm" c="dimmed">
                            {texts.undone(formatDateTime(m.undoneAt))}
                          </Text>
                        ) : m.canUndo ? (
                          can("records.write") && (
                            <Button
                              size="xs"
                              variant="default"
                              leftSection={<IconArrowBackUp size={14} aria-hidden />}
                              onClick={() => setConfirming(m)}
                              aria-label={`${texts.undo}: ${m.mergedName} → ${m.survivorName}`}
                            >
                              {texts.undo}
                            </Button>
                          )
                        ) : (
                          <Text size="sm" c="dimmed">
                            {texts.superseded}
                          </Text>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {history.hasNextPage && (
            <Button variant="subtle" fullWidth loading={history.isFetchingNextPage} onClick={() => void history.fetchNextPage()}>
              {identityTexts.queue.more}
            </Button>
          )}
        </Paper>
      )}
      <ConfirmDialog
        opened={confirming !== null}
        title={texts.confirmTitle}
        message={confirming ? texts.confirmMessage(confirming.survivorName, confirming.mergedName) : ""}
        confirmLabel={texts.undo}
        loading={undo.isPending}
        onClose={() => setConfirming(null)}
        onConfirm={() =>
          confirming &&
          undo.mutate(confirming.id, {
            onSuccess: () => {
              notifySuccess(texts.undoneNotice);
              setConfirming(null);
            },
          })
        }
      />
    </>
  );
}
