import { ActionIcon, Badge, Button, Table, Text, Tooltip, VisuallyHidden } from "@mantine/core";
import type { ApiKey } from "@rapport/contract";
import { IconKey, IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { iamTexts } from "../../../platform/auth/iam.texts";
import { ConfirmDialog } from "../../../platform/feedback/ConfirmDialog";
import { EmptyState } from "../../../platform/feedback/EmptyState";
import { ErrorState } from "../../../platform/feedback/ErrorState";
import { notifySuccess } from "../../../platform/feedback/notify";
import { TableSkeleton } from "../../../platform/feedback/TableSkeleton";
import { formatDate, formatDateTime, formatRelativeTime } from "../../../platform/format/date";
import { PageHeader } from "../../../platform/shell/PageHeader";
import { useCreateParam } from "../../../platform/shell/use-create-param";
import { CreateApiKeyModal } from "../components/CreateApiKeyModal";
import { useApiKeys, useRevokeApiKey } from "../queries/api-keys.queries";
import { settingsTexts } from "../settings.texts";

const texts = settingsTexts.apiKeys;

export function ApiKeysPage() {
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const [creating, createModal] = useCreateParam(true);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);

  const create = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={createModal.open}>
      {texts.create}
    </Button>
  );
  // Active keys first, then revoked ones; newest first within each.
  const items = [...(keys.data?.items ?? [])].sort(
    (a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || b.createdAt.localeCompare(a.createdAt),
  );

  return (
    <>
      <PageHeader
        title={settingsTexts.sections.apiKeys}
        description={texts.description}
        context={settingsTexts.module}
        actions={items.length > 0 && create}
      />
      {keys.isPending ? (
        <TableSkeleton rows={3} />
      ) : keys.isError ? (
        <ErrorState error={keys.error} onRetry={() => void keys.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState icon={<IconKey />} title={texts.empty} action={create} />
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{settingsTexts.common.name}</Table.Th>
                <Table.Th>{settingsTexts.common.role}</Table.Th>
                <Table.Th visibleFrom="lg">{settingsTexts.common.created}</Table.Th>
                <Table.Th>{texts.lastUsed}</Table.Th>
                <Table.Th>{texts.status}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{settingsTexts.common.actions}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((key) => (
                <Table.Tr key={key.id} c={key.revokedAt ? "dimmed" : undefined}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {key.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={key.revokedAt ? "gray" : undefined}>
                      {iamTexts.roles[key.role]}
                    </Badge>
                  </Table.Td>
                  <Table.Td visibleFrom="lg">
                    <Text size="sm">{formatDate(key.createdAt)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" title={key.lastUsedAt ? formatDateTime(key.lastUsedAt) : undefined}>
                      {key.lastUsedAt ? formatRelativeTime(key.lastUsedAt) : texts.never}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {key.revokedAt ? (
                      <Badge color="gray" variant="dot" title={texts.revokedOn(formatDateTime(key.revokedAt))}>
                        {texts.revoked}
                      </Badge>
                    ) : (
                      <Badge color="teal" variant="dot">
                        {texts.active}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    {!key.revokedAt && (
                      <Tooltip label={texts.revoke(key.name)}>
                        <ActionIcon variant="subtle" color="red" aria-label={texts.revoke(key.name)} onClick={() => setRevoking(key)}>
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CreateApiKeyModal opened={creating} onClose={createModal.close} />
      <ConfirmDialog
        opened={revoking !== null}
        title={revoking ? texts.confirmRevokeTitle(revoking.name) : ""}
        message={texts.confirmRevoke}
        confirmLabel={texts.confirmRevokeButton}
        loading={revoke.isPending}
        onClose={() => setRevoking(null)}
        onConfirm={() => {
          if (!revoking) return;
          const { id, name } = revoking;
          revoke.mutate(id, {
            onSuccess: () => {
              notifySuccess(texts.revokedNotice(name));
              setRevoking(null);
            },
          });
        }}
      />
    </>
  );
}
