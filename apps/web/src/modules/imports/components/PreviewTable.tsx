import { Badge, Paper, Stack, Table, Text, Title } from "@mantine/core";
import type { Import } from "@rapport/contract";
import { previewColumns, previewText } from "../import-wizard.rules";
import classes from "../imports.module.css";
import { importsTexts } from "../imports.texts";

const texts = importsTexts.preview;

/** The first rows read through the current mapping, as they would be stored, with their problems. */
export function PreviewTable({ imp }: { imp: Import }) {
  const columns = previewColumns(imp);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="import-preview-title">
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4" id="import-preview-title">
            {texts.title}
          </Title>
          <Text size="sm" c="dimmed">
            {texts.description}
          </Text>
        </div>
        {columns.length === 0 ? (
          <Text size="sm" c="dimmed">
            {texts.none}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={Math.max(560, 140 * (columns.length + 2))}>
            <Table verticalSpacing="xs" striped aria-label={texts.tableLabel}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{texts.row}</Table.Th>
                  <Table.Th>{texts.problems}</Table.Th>
                  {columns.map((c) => (
                    <Table.Th key={c.key}>{c.label}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {imp.preview.map((r) => (
                  <Table.Tr key={r.row}>
                    <Table.Td>{r.row}</Table.Td>
                    <Table.Td className={classes.cell}>
                      {r.errors.length === 0 ? (
                        <Badge size="sm" variant="light" color="green">
                          {texts.ok}
                        </Badge>
                      ) : (
                        r.errors.map((e) => (
                          <Text key={`${e.column}:${e.reason}`} size="xs" c="red">
                            {e.column ? `${e.column}: ${e.reason}` : e.reason}
                          </Text>
                        ))
                      )}
                    </Table.Td>
                    {columns.map((c) => (
                      <Table.Td key={c.key} className={classes.cell}>
                        {previewText(r.values[c.key])}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
