import { ActionIcon, Button, Kbd } from "@mantine/core";
import { useOs } from "@mantine/hooks";
import { spotlight } from "@mantine/spotlight";
import { IconSearch } from "@tabler/icons-react";
import { shellTexts } from "./shell.texts";

/** Opens the command palette; shows the shortcut on wide screens, an icon on phones. */
export function SearchButton() {
  const os = useOs();
  const mod = os === "macos" || os === "ios" ? "⌘" : "Ctrl";
  return (
    <>
      <Button
        variant="default"
        visibleFrom="sm"
        onClick={spotlight.open}
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={<Kbd size="xs">{shellTexts.searchShortcut(mod)}</Kbd>}
        aria-label={shellTexts.search}
        aria-keyshortcuts="Control+K Meta+K"
        w={260}
        justify="space-between"
        styles={{ label: { flex: 1, color: "var(--mantine-color-dimmed)", fontWeight: 400 } }}
      >
        {shellTexts.search}
      </Button>
      <ActionIcon
        variant="default"
        size="lg"
        hiddenFrom="sm"
        onClick={spotlight.open}
        aria-label={shellTexts.search}
        aria-keyshortcuts="Control+K Meta+K"
      >
        <IconSearch size={18} aria-hidden />
      </ActionIcon>
    </>
  );
}
