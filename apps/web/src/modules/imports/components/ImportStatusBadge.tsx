import { Badge, Group } from "@mantine/core";
import type { ImportSummary } from "@rapport/contract";
import { importsTexts } from "../imports.texts";

const COLORS: Record<ImportSummary["status"], string> = {
  uploaded: "gray",
  queued: "blue",
  running: "blue",
  completed: "green",
  failed: "red",
  undone: "orange",
};

/** The import's status in words and colour; a dry run says so. */
export function ImportStatusBadge({ imp }: { imp: Pick<ImportSummary, "status" | "dryRun"> }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={COLORS[imp.status]} variant="light">
        {importsTexts.status[imp.status]}
      </Badge>
      {imp.dryRun && (
        <Badge color="grape" variant="outline">
          {importsTexts.dryRunBadge}
        </Badge>
      )}
    </Group>
  );
}
