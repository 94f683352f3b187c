import { Anchor, Badge, Card, Stack, Table, Text } from "@mantine/core";
import type { Duplicate } from "@rapport/contract";
import { Link } from "react-router";
import { formatDate } from "../../../platform/format/date";
import { recordPath } from "../../records/record-types";
import { identityTexts } from "../identity.texts";

const texts = identityTexts.queue;
type Brief = Duplicate["a"];

/** One side of a candidate pair: what tells two people apart at a glance. */
export function PersonCard({ person, label, suggested }: { person: Brief; label: string; suggested: boolean }) {
  const rows: [string, string][] = [
    [identityTexts.fields.emails, person.emails.join(", ")],
    [identityTexts.fields.phones, person.phones.join(", ")],
    [identityTexts.fields.companies, person.companies.join(", ")],
    [identityTexts.fields.title, person.title ?? ""],
    [identityTexts.fields.source, person.source ?? ""],
    [texts.created, formatDate(person.createdAt)],
    [texts.updated, formatDate(person.updatedAt)],
  ];
  return (
    <Card withBorder radius="md" padding="md" aria-label={`${label}: ${person.name}`}>
      <Stack gap={6}>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {label}
        </Text>
        <Anchor component={Link} to={recordPath("contact", person.id)} fw={600} size="lg">
          {person.name}
        </Anchor>
        {suggested && (
          <Badge variant="outline" size="sm" w="fit-content">
            {texts.suggested}
          </Badge>
        )}
        <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing={0}>
          <Table.Tbody>
            {rows.map(([k, v]) => (
              <Table.Tr key={k}>
                <Table.Th w={110} fw={500} c="dimmed" fz="sm">
                  {k}
                </Table.Th>
                <Table.Td fz="sm" style={{ wordBreak: "break-word" }}>
                  {v || texts.noValue}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Card>
  );
}
