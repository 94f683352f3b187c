import { Paper, SimpleGrid, Text } from "@mantine/core";
import type { ImportSummary } from "@rapport/contract";
import { formatNumber } from "../../../platform/format/number";
import { importsTexts } from "../imports.texts";

const texts = importsTexts.summary;

/** Created, updated, skipped and failed rows as four figures. */
export function ImportCounts({ progress }: { progress: ImportSummary["progress"] }) {
  const figures = [
    { label: texts.created, value: progress.created, color: "green" },
    { label: texts.updated, value: progress.updated, color: "blue" },
    { label: texts.skipped, value: progress.skipped, color: "gray" },
    { label: texts.failed, value: progress.failed, color: progress.failed > 0 ? "red" : "gray" },
  ];
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
      {figures.map((f) => (
        <Paper
          key={f.label}
          withBorder
          radius="md"
          p="sm"
          aria-label={`${f.label}: ${formatNumber(f.value)}`}
          data-testid={`count-${f.label.toLowerCase()}`}
        >
          <Text size="xs" c="dimmed">
            {f.label}
          </Text>
          <Text fz={24} fw={700} c={f.color === "gray" ? undefined : f.color}>
            {formatNumber(f.value)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
