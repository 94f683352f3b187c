import { Button, Group, Progress, Text } from "@mantine/core";
import { IconRefresh } from "@tabler/icons-react";
import { usePermissions } from "../../../platform/auth/use-permissions";
import { notifySuccess } from "../../../platform/feedback/notify";
import { formatNumber } from "../../../platform/format/number";
import { identityTexts } from "../identity.texts";
import { useLatestScan, useStartScan } from "../queries/identity.queries";

const texts = identityTexts.queue;

/** Starts a full scan (administrators) and shows the progress of the latest one. */
export function ScanButton() {
  const { can } = usePermissions();
  const latest = useLatestScan();
  const start = useStartScan();
  const scan = latest.data?.scan;
  const running = scan && (scan.status === "queued" || scan.status === "running");
  return (
    <Group gap="sm">
      {running ? (
        <Group gap="xs" w={260}>
          <Text size="sm" c="dimmed">
            {texts.scanRunning(formatNumber(scan.processed), formatNumber(scan.total))}
          </Text>
          <Progress value={scan.total ? (100 * scan.processed) / scan.total : 0} w="100%" aria-label={texts.scan} />
        </Group>
      ) : (
        scan?.status === "done" && (
          <Text size="sm" c="dimmed">
            {texts.scanDone(formatNumber(scan.candidates))}
          </Text>
        )
      )}
      {can("workspace.manage") && (
        <Button
          variant="default"
          leftSection={<IconRefresh size={16} aria-hidden />}
          loading={start.isPending}
          disabled={Boolean(running)}
          onClick={() => start.mutate(undefined, { onSuccess: () => notifySuccess(texts.scanStarted) })}
        >
          {texts.scan}
        </Button>
      )}
    </Group>
  );
}
