import { Button, CopyButton, Group, Paper, Skeleton, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { ConfirmDialog } from "../../../platform/feedback/ConfirmDialog";
import { formatDateTime, formatRelativeTime } from "../../../platform/format/date";
import { useCalendarFeed, useRevokeCalendarFeed, useRotateCalendarFeed } from "../queries/tasks.queries";
import { tasksTexts } from "../tasks.texts";

const texts = tasksTexts.account;

/**
 * My account › Calendar subscription. The server keeps only a hash of the address, so it is
 * shown once, right after it is created or replaced; replacing or turning it off stops the old one.
 */
export function CalendarFeedSection() {
  const feed = useCalendarFeed();
  const rotate = useRotateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const [url, setUrl] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<"rotate" | "revoke" | null>(null);
  const doRotate = () =>
    rotate.mutate(undefined, {
      onSuccess: (created) => {
        setUrl(created.url);
        setConfirm(null);
      },
    });
  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={3} size="h4" mb={4}>
        {texts.calendarTitle}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {texts.calendarHelp}
      </Text>
      {feed.isPending || !feed.data ? (
        <Skeleton h={36} />
      ) : (
        <Stack gap="sm">
          <Text size="sm">
            {feed.data.active && feed.data.createdAt ? texts.on(formatDateTime(feed.data.createdAt)) : texts.off}
            {feed.data.lastUsedAt ? ` ${texts.lastUsed(formatRelativeTime(feed.data.lastUsedAt))}` : ""}
          </Text>
          {url && (
            <Group align="flex-end" gap="xs" wrap="nowrap">
              <TextInput label={texts.url} value={url} readOnly style={{ flex: 1 }} onFocus={(e) => e.currentTarget.select()} />
              <CopyButton value={url}>
                {({ copied, copy }) => (
                  <Button variant="light" onClick={copy} color={copied ? "teal" : undefined}>
                    {copied ? texts.copied : texts.copy}
                  </Button>
                )}
              </CopyButton>
            </Group>
          )}
          <Group gap="xs">
            {feed.data.active ? (
              <>
                <Button variant="default" onClick={() => setConfirm("rotate")}>
                  {texts.rotate}
                </Button>
                <Button variant="subtle" color="red" onClick={() => setConfirm("revoke")}>
                  {texts.revoke}
                </Button>
              </>
            ) : (
              <Button onClick={doRotate} loading={rotate.isPending}>
                {texts.create}
              </Button>
            )}
          </Group>
        </Stack>
      )}
      <ConfirmDialog
        opened={confirm !== null}
        title={confirm === "revoke" ? texts.revoke : texts.rotate}
        message={confirm === "revoke" ? texts.revokeConfirm : texts.rotateConfirm}
        confirmLabel={confirm === "revoke" ? texts.revoke : texts.rotate}
        loading={rotate.isPending || revoke.isPending}
        onClose={() => setConfirm(null)}
        onConfirm={() =>
          confirm === "revoke"
            ? revoke.mutate(undefined, {
                onSuccess: () => {
                  setUrl(null);
                  setConfirm(null);
                },
              })
            : doRotate()
        }
      />
    </Paper>
  );
}
