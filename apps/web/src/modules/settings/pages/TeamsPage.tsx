import { ActionIcon, Avatar, Button, Group, Table, Text, Tooltip, VisuallyHidden } from "@mantine/core";
import type { Team } from "@rapport/contract";
import { IconPencil, IconPlus, IconTrash, IconUsersGroup } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { usePermissions } from "../../../platform/auth/use-permissions";
import { ConfirmDialog } from "../../../platform/feedback/ConfirmDialog";
import { EmptyState } from "../../../platform/feedback/EmptyState";
import { ErrorState } from "../../../platform/feedback/ErrorState";
import { notifySuccess } from "../../../platform/feedback/notify";
import { TableSkeleton } from "../../../platform/feedback/TableSkeleton";
import { formatDate } from "../../../platform/format/date";
import { initials } from "../../../platform/shell/initials";
import { PageHeader } from "../../../platform/shell/PageHeader";
import { useCreateParam } from "../../../platform/shell/use-create-param";
import { TeamFormModal } from "../components/TeamFormModal";
import { useDeleteTeam, useTeams } from "../queries/teams.queries";
import { useUsers } from "../queries/users.queries";
import { settingsTexts } from "../settings.texts";

const texts = settingsTexts.teams;

export function TeamsPage() {
  const { can } = usePermissions();
  const canManage = can("teams.manage");
  const teams = useTeams();
  const users = useUsers("", { enabled: can("users.read") });
  const deleteTeam = useDeleteTeam();
  const [creating, createModal] = useCreateParam(canManage);
  const [editing, setEditing] = useState<Team | null>(null);
  const [deleting, setDeleting] = useState<Team | null>(null);
  const userById = useMemo(() => new Map((users.data?.items ?? []).map((u) => [u.id, u])), [users.data]);

  const create = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={createModal.open}>
      {texts.create}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={settingsTexts.sections.teams}
        description={texts.description}
        context={settingsTexts.module}
        actions={canManage && create}
      />
      {teams.isPending ? (
        <TableSkeleton rows={3} />
      ) : teams.isError ? (
        <ErrorState error={teams.error} onRetry={() => void teams.refetch()} />
      ) : teams.data.items.length === 0 ? (
        <EmptyState icon={<IconUsersGroup />} title={texts.emptyTitle} description={texts.empty} action={canManage && create} />
      ) : (
        <Table.ScrollContainer minWidth={440}>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{settingsTexts.common.name}</Table.Th>
                <Table.Th>{texts.members}</Table.Th>
                <Table.Th visibleFrom="lg">{settingsTexts.common.created}</Table.Th>
                {canManage && (
                  <Table.Th>
                    <VisuallyHidden>{settingsTexts.common.actions}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {teams.data.items.map((team) => {
                const members = team.memberIds.flatMap((id) => {
                  const user = userById.get(id);
                  return user ? [user] : [];
                });
                const named = members.map((u) => u.name);
                return (
                  <Table.Tr key={team.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {team.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {team.memberIds.length === 0 ? (
                        <Text size="sm" c="dimmed">
                          {texts.noMembers}
                        </Text>
                      ) : (
                        <Group gap="sm" wrap="nowrap">
                          <Tooltip label={named.join(", ") || texts.membersCount(team.memberIds.length)} multiline maw={320}>
                            <Avatar.Group spacing="sm" aria-hidden>
                              {members.slice(0, 4).map((user) => (
                                <Avatar key={user.id} size={28} radius="xl" color="indigo">
                                  {initials(user.name)}
                                </Avatar>
                              ))}
                              {team.memberIds.length > 4 && (
                                <Avatar size={28} radius="xl">
                                  +{team.memberIds.length - 4}
                                </Avatar>
                              )}
                            </Avatar.Group>
                          </Tooltip>
                          <Text size="sm" c="dimmed">
                            {texts.membersCount(team.memberIds.length)}
                          </Text>
                        </Group>
                      )}
                    </Table.Td>
                    <Table.Td visibleFrom="lg">
                      <Text size="sm">{formatDate(team.createdAt)}</Text>
                    </Table.Td>
                    {canManage && (
                      <Table.Td>
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          <Tooltip label={texts.edit(team.name)}>
                            <ActionIcon variant="subtle" aria-label={texts.edit(team.name)} onClick={() => setEditing(team)}>
                              <IconPencil size={16} aria-hidden />
                            </ActionIcon>
                          </Tooltip>
                          <Tooltip label={texts.delete(team.name)}>
                            <ActionIcon variant="subtle" color="red" aria-label={texts.delete(team.name)} onClick={() => setDeleting(team)}>
                              <IconTrash size={16} aria-hidden />
                            </ActionIcon>
                          </Tooltip>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <TeamFormModal
        opened={creating || editing !== null}
        team={editing}
        users={users.data?.items}
        usersFailed={users.isError || !can("users.read")}
        onClose={() => {
          createModal.close();
          setEditing(null);
        }}
      />
      <ConfirmDialog
        opened={deleting !== null}
        title={deleting ? texts.confirmDeleteTitle(deleting.name) : ""}
        message={texts.confirmDelete}
        confirmLabel={texts.confirmDeleteButton}
        loading={deleteTeam.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() => {
          if (!deleting) return;
          const { id, name } = deleting;
          deleteTeam.mutate(id, {
            onSuccess: () => {
              notifySuccess(texts.deleted(name));
              setDeleting(null);
            },
          });
        }}
      />
    </>
  );
}
