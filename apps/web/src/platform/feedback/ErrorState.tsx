import { Alert, Button, Group, Text } from "@mantine/core";
import { IconAlertTriangle, IconRefresh } from "@tabler/icons-react";
import { isApiError } from "../api/api-error";
import { feedbackTexts } from "./feedback.texts";

type Props = { error: unknown; onRetry?: () => void; title?: string };

/** A failed load: what went wrong and a retry button. */
export function ErrorState({ error, onRetry, title = feedbackTexts.loadFailed }: Props) {
  const detail = isApiError(error) || error instanceof Error ? error.message : null;
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertTriangle aria-hidden />} role="alert">
      {detail && (
        <Text size="sm" mb={onRetry ? "sm" : 0}>
          {detail}
        </Text>
      )}
      {onRetry && (
        <Group>
          <Button size="xs" variant="default" leftSection={<IconRefresh size={14} aria-hidden />} onClick={onRetry}>
            {feedbackTexts.retry}
          </Button>
        </Group>
      )}
    </Alert>
  );
}
