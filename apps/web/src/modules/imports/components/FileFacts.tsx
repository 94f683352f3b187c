import { Group, Paper, Stack, Text } from "@mantine/core";
import type { Import } from "@rapport/contract";
import { formatNumber } from "../../../platform/format/number";
import { formatBytes } from "../../records/documents/format-bytes";
import { estimateRows } from "../import-wizard.rules";
import { importsTexts } from "../imports.texts";

const texts = importsTexts.file;

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500}>
        {value}
      </Text>
    </Stack>
  );
}

/** What the server read from the file: encoding, delimiter, size and about how many rows. */
export function FileFacts({ imp }: { imp: Import }) {
  const rows = estimateRows(imp);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={texts.region}>
      <Group gap="xl" wrap="wrap">
        <Fact label={texts.title} value={imp.filename} />
        <Fact label={texts.size} value={formatBytes(imp.sizeBytes)} />
        <Fact label={texts.encoding} value={texts.encodings[imp.encoding] ?? imp.encoding} />
        <Fact label={texts.delimiter} value={texts.delimiters[imp.delimiter] ?? `“${imp.delimiter}”`} />
        <Fact label={texts.rows} value={rows === null ? texts.unknownRows : texts.aboutRows(formatNumber(rows))} />
      </Group>
    </Paper>
  );
}
