import { Group, Paper, Progress, Stack, Text, Title } from "@mantine/core";
import type { Import } from "@rapport/contract";
import { formatNumber } from "../../../platform/format/number";
import { formatDuration } from "../../records/timeline/time-input";
import { estimateRows, percentDone, secondsLeft } from "../import-wizard.rules";
import { importsTexts } from "../imports.texts";
import { ImportCounts } from "./ImportCounts";

const texts = importsTexts.progress;

/** A running import (or dry run): a progress bar, rows/s, time left and the counts so far. */
export function ImportProgress({ imp }: { imp: Import }) {
  const total = estimateRows(imp);
  const percent = percentDone(imp, total);
  const { rowsDone, rowsPerSecond } = imp.progress;
  const left = secondsLeft(rowsDone, total, rowsPerSecond);
  const queued = imp.status === "queued";
  // Rows are committed a batch at a time: until the first batch lands, the bar says "working".
  const indeterminate = percent === null || queued || rowsDone === 0;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="import-progress-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="import-progress-title">
          {imp.dryRun ? texts.dryTitle : texts.title}
        </Title>
        <Progress
          value={indeterminate ? 100 : (percent ?? 100)}
          striped={indeterminate}
          animated={indeterminate}
          size="lg"
          aria-label={texts.label}
          aria-valuetext={indeterminate ? texts.working : `${percent}%`}
        />
        <Group gap="lg" wrap="wrap" aria-live="polite">
          <Text size="sm" fw={500} data-testid="import-rows-done">
            {queued
              ? texts.queued
              : rowsDone === 0
                ? texts.firstBatch
                : texts.rows(formatNumber(rowsDone), total ? formatNumber(Math.max(total, rowsDone)) : null)}
          </Text>
          {rowsPerSecond !== null && (
            <Text size="sm" c="dimmed">
              {texts.rate(formatNumber(rowsPerSecond))}
            </Text>
          )}
          {left !== null && left > 0 && (
            <Text size="sm" c="dimmed">
              {texts.timeLeft(formatDuration(left))}
            </Text>
          )}
        </Group>
        <ImportCounts progress={imp.progress} />
      </Stack>
    </Paper>
  );
}
