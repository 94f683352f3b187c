import { AppShell, Burger, Divider, Group, Text } from "@mantine/core";
import { Link } from "react-router";
import { useMe } from "../auth/use-me";
import { NotificationBell } from "../notifications/NotificationBell";
import { ColorSchemeToggle } from "../theme/ColorSchemeToggle";
import { ActivityIndicator } from "./ActivityIndicator";
import { BrandMark } from "./BrandMark";
import { SearchButton } from "./SearchButton";
import { shellTexts } from "./shell.texts";
import { UserMenu } from "./UserMenu";

type Props = { navOpened: boolean; onToggleNav: () => void };

export function AppHeader({ navOpened, onToggleNav }: Props) {
  const me = useMe();
  return (
    <AppShell.Header px="md">
      <Group h="100%" justify="space-between" wrap="nowrap" gap="sm">
        <Group gap="sm" wrap="nowrap" miw={0}>
          <Burger
            opened={navOpened}
            onClick={onToggleNav}
            hiddenFrom="sm"
            size="sm"
            aria-label={shellTexts.toggleNavigation}
            aria-expanded={navOpened}
          />
          <Link to="/" aria-label={shellTexts.appName} style={{ color: "inherit", textDecoration: "none" }}>
            <BrandMark />
          </Link>
          <Divider orientation="vertical" visibleFrom="xs" h={22} style={{ alignSelf: "center" }} />
          <Text fw={500} size="sm" c="dimmed" truncate visibleFrom="xs" maw={220}>
            {me.workspace.name}
          </Text>
        </Group>
        <Group gap="xs" wrap="nowrap">
          <SearchButton />
          <NotificationBell />
          <ActivityIndicator />
          <ColorSchemeToggle />
          <UserMenu />
        </Group>
      </Group>
    </AppShell.Header>
  );
}
