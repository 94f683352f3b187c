import { Skeleton, Stack } from "@mantine/core";
import { feedbackTexts } from "./feedback.texts";

/** Placeholder rows while a table loads. */
export function TableSkeleton({ rows = 5 }: { rows?: number }) {
  return (
    <Stack gap="xs" aria-busy="true" aria-label={feedbackTexts.loading}>
      <Skeleton height={36} />
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
        <Skeleton key={i} height={28} />
      ))}
    </Stack>
  );
}
