import { Avatar, Group, Menu, Stack, Text, UnstyledButton } from "@mantine/core";
import { IconChevronDown, IconKey, IconLogout, IconUserCircle } from "@tabler/icons-react";
import { Link } from "react-router";
import { useMe } from "../auth/use-me";
import { useSignOut } from "../auth/use-sign-out";
import { initials } from "./initials";
import { shellTexts } from "./shell.texts";

/** Avatar button with the signed-in user's name; opens My account, Change password and Sign out. */
export function UserMenu() {
  const me = useMe();
  const signOut = useSignOut();
  return (
    <Menu position="bottom-end" width={240} withinPortal shadow="md">
      <Menu.Target>
        <UnstyledButton aria-label={shellTexts.accountMenu} p={4}>
          <Group gap={8} wrap="nowrap">
            <Avatar size={32} radius="xl" color="indigo" aria-hidden>
              {initials(me.user.name)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="md" maw={160} truncate>
              {me.user.name}
            </Text>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {shellTexts.signedInAs}
            </Text>
            <Text size="sm" fw={500} c="var(--mantine-color-text)" truncate>
              {me.user.name}
            </Text>
            <Text size="xs" c="dimmed" truncate>
              {me.user.email}
            </Text>
          </Stack>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item component={Link} to="/settings/account" leftSection={<IconUserCircle size={16} aria-hidden />}>
          {shellTexts.myAccount}
        </Menu.Item>
        <Menu.Item component={Link} to="/settings/account#password" leftSection={<IconKey size={16} aria-hidden />}>
          {shellTexts.changePassword}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item color="red" leftSection={<IconLogout size={16} aria-hidden />} onClick={() => signOut.mutate()}>
          {shellTexts.signOut}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
