import { Card, Table, Title } from "@mantine/core";
import type { Workspace } from "@rapport/contract";
import { currencyName } from "../../../platform/format/currency";
import { formatDate } from "../../../platform/format/date";
import { homeTexts } from "../home.texts";

const texts = homeTexts.workspace;

export function WorkspaceCard({ workspace }: { workspace: Workspace }) {
  return (
    <Card withBorder radius="md" padding="lg" h="100%">
      <Title order={3} size="h4" mb="sm">
        {texts.title}
      </Title>
      <Table variant="vertical" layout="fixed" withRowBorders={false} verticalSpacing={4}>
        <Table.Tbody>
          <Row label={texts.name} value={workspace.name} />
          <Row label={texts.slug} value={workspace.slug} />
          <Row label={texts.currency} value={`${workspace.defaultCurrency} — ${currencyName(workspace.defaultCurrency)}`} />
          <Row label={texts.created} value={formatDate(workspace.createdAt)} />
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <Table.Tr>
      <Table.Th w={150} c="dimmed" fw={400}>
        {label}
      </Table.Th>
      <Table.Td style={{ overflowWrap: "anywhere" }}>{value}</Table.Td>
    </Table.Tr>
  );
}
