import { ActionIcon, Avatar, Badge, Button, Group, Table, Text, TextInput, Tooltip, VisuallyHidden } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import type { User } from "@rapport/contract";
import { IconPencil, IconSearch, IconUserPlus, IconUsers } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { iamTexts } from "../../../platform/auth/iam.texts";
import { useMe } from "../../../platform/auth/use-me";
import { usePermissions } from "../../../platform/auth/use-permissions";
import { EmptyState } from "../../../platform/feedback/EmptyState";
import { ErrorState } from "../../../platform/feedback/ErrorState";
import { TableSkeleton } from "../../../platform/feedback/TableSkeleton";
import { formatDate } from "../../../platform/format/date";
import { initials } from "../../../platform/shell/initials";
import { PageHeader } from "../../../platform/shell/PageHeader";
import { useCreateParam } from "../../../platform/shell/use-create-param";
import { AddUserModal } from "../components/AddUserModal";
import { EditUserModal } from "../components/EditUserModal";
import { useTeams } from "../queries/teams.queries";
import { useUsers } from "../queries/users.queries";
import { settingsTexts } from "../settings.texts";

const texts = settingsTexts.users;

export function UsersPage() {
  const me = useMe();
  const { can } = usePermissions();
  const canManage = can("users.manage");
  const [searchParams] = useSearchParams();
  const [search, setSearch] = useState(searchParams.get("q") ?? "");
  const [debounced] = useDebouncedValue(search, 250);
  const users = useUsers(debounced);
  const teams = useTeams();
  const [adding, addModal] = useCreateParam(canManage);
  const [editing, setEditing] = useState<User | null>(null);

  const teamNames = useMemo(() => new Map((teams.data?.items ?? []).map((t) => [t.id, t.name])), [teams.data]);

  return (
    <>
      <PageHeader
        title={settingsTexts.sections.users}
        description={texts.description}
        context={settingsTexts.module}
        actions={
          canManage && (
            <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={addModal.open}>
              {texts.add}
            </Button>
          )
        }
      />
      <TextInput
        aria-label={texts.searchLabel}
        placeholder={texts.searchPlaceholder}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        type="search"
        mb="md"
        maw={360}
      />
      {users.isPending ? (
        <TableSkeleton />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : users.data.items.length === 0 ? (
        <EmptyState icon={<IconUsers />} title={texts.emptyTitle} description={texts.empty} />
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{texts.user}</Table.Th>
                <Table.Th>{settingsTexts.common.role}</Table.Th>
                <Table.Th visibleFrom="lg">{texts.teams}</Table.Th>
                <Table.Th>{texts.status}</Table.Th>
                <Table.Th visibleFrom="lg">{settingsTexts.common.created}</Table.Th>
                {canManage && (
                  <Table.Th>
                    <VisuallyHidden>{settingsTexts.common.actions}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.items.map((user) => (
                <Table.Tr key={user.id}>
                  <Table.Td>
                    <Group gap="sm" wrap="nowrap">
                      <Avatar size={32} radius="xl" color={user.active ? "indigo" : "gray"} aria-hidden>
                        {initials(user.name)}
                      </Avatar>
                      <div style={{ minWidth: 0 }}>
                        <Group gap={6} wrap="nowrap">
                          <Text size="sm" fw={500} truncate>
                            {user.name}
                          </Text>
                          {user.id === me.user.id && (
                            <Badge size="xs" variant="outline">
                              {texts.you}
                            </Badge>
                          )}
                        </Group>
                        <Text size="xs" c="dimmed" truncate>
                          {user.email}
                        </Text>
                      </div>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light">{iamTexts.roles[user.role]}</Badge>
                  </Table.Td>
                  <Table.Td visibleFrom="lg">
                    <Text size="sm" c={user.teamIds.length ? undefined : "dimmed"}>
                      {user.teamIds
                        .map((id) => teamNames.get(id))
                        .filter(Boolean)
                        .join(", ") || "—"}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={user.active ? "teal" : "gray"} variant="dot">
                      {user.active ? texts.active : texts.inactive}
                    </Badge>
                  </Table.Td>
                  <Table.Td visibleFrom="lg" style={{ whiteSpace: "nowrap" }}>
                    <Text size="sm">{formatDate(user.createdAt)}</Text>
                  </Table.Td>
                  {canManage && (
                    <Table.Td ta="right">
                      <Tooltip label={texts.edit(user.name)}>
                        <ActionIcon variant="subtle" aria-label={texts.edit(user.name)} onClick={() => setEditing(user)}>
                          <IconPencil size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <AddUserModal opened={adding} onClose={addModal.close} />
      <EditUserModal user={editing} isSelf={editing?.id === me.user.id} onClose={() => setEditing(null)} />
    </>
  );
}
