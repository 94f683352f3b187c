import { ActionIcon, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton, VisuallyHidden } from "@mantine/core";
import { IconBell } from "@tabler/icons-react";
import { useState } from "react";
import { useNavigate } from "react-router";
import { formatDateTime, formatRelativeTime } from "../format/date";
import { useEntityPath } from "../modules/use-visible-modules";
import classes from "./NotificationBell.module.css";
import { useMarkNotificationsRead, useNotifications } from "./notifications.query";
import { notificationsTexts as texts } from "./notifications.texts";

/** Header bell: the unread count, and a popover with my notifications (mentions link to the record). */
export function NotificationBell() {
  const [opened, setOpened] = useState(false);
  const notifications = useNotifications();
  const markRead = useMarkNotificationsRead();
  const pathOf = useEntityPath();
  const navigate = useNavigate();
  const unread = notifications.data?.unreadCount ?? 0;
  const items = notifications.data?.items ?? [];
  const unreadIds = items.filter((n) => n.readAt === null).map((n) => n.id);

  return (
    <Popover opened={opened} onChange={setOpened} width={360} position="bottom-end" shadow="md" withinPortal>
      <Popover.Target>
        <Indicator
          disabled={unread === 0}
          label={unread > 9 ? "9+" : String(unread)}
          size={16}
          offset={5}
          color="red"
          styles={{ indicator: { fontSize: 10, fontWeight: 700 } }}
        >
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={unread > 0 ? texts.bellUnread(unread) : texts.bell}
            onClick={() => setOpened((o) => !o)}
          >
            <IconBell size={18} aria-hidden />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0}>
        <Group justify="space-between" px="sm" py="xs" className={classes.header}>
          <Text fw={600} size="sm">
            {texts.title}
          </Text>
          {unreadIds.length > 0 && (
            <Button variant="subtle" size="compact-xs" loading={markRead.isPending} onClick={() => markRead.mutate(unreadIds)}>
              {texts.markAllRead}
            </Button>
          )}
        </Group>
        {notifications.isError ? (
          <Text size="sm" c="red" p="sm">
            {texts.loadFailed}
          </Text>
        ) : items.length === 0 ? (
          <Text size="sm" c="dimmed" p="sm">
            {texts.empty}
          </Text>
        ) : (
          <ScrollArea.Autosize mah={400}>
            <Stack gap={0} component="ul" className={classes.list} aria-label={texts.listLabel}>
              {items.map((n) => {
                const path = pathOf(n.entityType, n.entityId);
                const isUnread = n.readAt === null;
                return (
                  <li key={n.id}>
                    <UnstyledButton
                      className={classes.item}
                      data-unread={isUnread || undefined}
                      onClick={() => {
                        if (isUnread) markRead.mutate([n.id]);
                        setOpened(false);
                        if (path) void navigate(path);
                      }}
                    >
                      <span className={classes.dot} aria-hidden />
                      <span style={{ flex: 1, minWidth: 0 }}>
                        <Text size="sm" fw={isUnread ? 600 : 400} style={{ overflowWrap: "anywhere" }}>
                          {isUnread && <VisuallyHidden>{texts.unread}: </VisuallyHidden>}
                          {n.title}
                        </Text>
                        <Text size="xs" c="dimmed" title={formatDateTime(n.createdAt)}>
                          {formatRelativeTime(n.createdAt)}
                        </Text>
                      </span>
                    </UnstyledButton>
                  </li>
                );
              })}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
