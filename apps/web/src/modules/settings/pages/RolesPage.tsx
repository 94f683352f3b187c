import { Card, SimpleGrid, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import { permissionSchema } from "@rapport/contract";
import { IconCheck, IconMinus } from "@tabler/icons-react";
import { iamTexts } from "../../../platform/auth/iam.texts";
import { ErrorState } from "../../../platform/feedback/ErrorState";
import { TableSkeleton } from "../../../platform/feedback/TableSkeleton";
import { PageHeader } from "../../../platform/shell/PageHeader";
import { useRoles } from "../queries/roles.queries";
import { settingsTexts } from "../settings.texts";

const texts = settingsTexts.rolesPage;

/** Read-only matrix: permissions down, roles across, record visibility in the last row. */
export function RolesPage() {
  const roles = useRoles();
  return (
    <>
      <PageHeader title={settingsTexts.sections.roles} description={texts.description} context={settingsTexts.module} />
      {roles.isPending ? (
        <TableSkeleton rows={9} />
      ) : roles.isError ? (
        <ErrorState error={roles.error} onRetry={() => void roles.refetch()} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={560} mb="xl">
            <Table withTableBorder withColumnBorders verticalSpacing="xs" striped>
              <Table.Caption>{texts.matrixCaption}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{texts.permission}</Table.Th>
                  {roles.data.items.map((role) => (
                    <Table.Th key={role.role} scope="col" ta="center">
                      {role.label}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {permissionSchema.options.map((permission) => (
                  <Table.Tr key={permission}>
                    <Table.Th scope="row" fw={400}>
                      <Text size="sm">{iamTexts.permissions[permission]}</Text>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {permission}
                      </Text>
                    </Table.Th>
                    {roles.data.items.map((role) => (
                      <Table.Td key={role.role} ta="center">
                        {role.permissions.includes(permission) ? (
                          <>
                            <IconCheck size={18} color="var(--mantine-color-teal-6)" aria-hidden />
                            <VisuallyHidden>{texts.granted}</VisuallyHidden>
                          </>
                        ) : (
                          <>
                            <IconMinus size={18} color="var(--mantine-color-dimmed)" aria-hidden />
                            <VisuallyHidden>{texts.denied}</VisuallyHidden>
                          </>
                        )}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
                <Table.Tr>
                  <Table.Th scope="row">{texts.visibility}</Table.Th>
                  {roles.data.items.map((role) => (
                    <Table.Td key={role.role} ta="center">
                      <Text size="sm">{iamTexts.recordVisibility[role.recordVisibility] ?? role.recordVisibility}</Text>
                    </Table.Td>
                  ))}
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {roles.data.items.map((role) => (
              <Card key={role.role} withBorder radius="md" padding="md">
                <Title order={3} size="h5">
                  {role.label}
                </Title>
                <Text size="sm" c="dimmed" mt={4}>
                  {role.description}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
        </>
      )}
    </>
  );
}
