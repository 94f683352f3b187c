import { Button, Card, Group, Text, Title } from "@mantine/core";
import { useOs } from "@mantine/hooks";
import { spotlight } from "@mantine/spotlight";
import { IconSearch } from "@tabler/icons-react";
import { Link } from "react-router";
import { useVisibleSettingsSections } from "../../../platform/modules/use-visible-modules";
import { homeTexts } from "../home.texts";

const texts = homeTexts.shortcuts;

/** Quick links to the settings sections the user may open, and a pointer to the command palette. */
export function ShortcutsCard() {
  const sections = useVisibleSettingsSections();
  const os = useOs();
  const mod = os === "macos" || os === "ios" ? "⌘" : "Ctrl";
  return (
    <Card withBorder radius="md" padding="lg" h="100%">
      <Title order={3} size="h4" mb="sm">
        {texts.title}
      </Title>
      <Group gap="xs" mb="md">
        {sections.map((s) => {
          const Icon = s.icon;
          return (
            <Button
              key={s.id}
              component={Link}
              to={`/settings/${s.path}`}
              variant="light"
              size="xs"
              leftSection={<Icon size={14} aria-hidden />}
            >
              {s.label}
            </Button>
          );
        })}
      </Group>
      <Group gap="xs" wrap="nowrap">
        <Text size="sm" c="dimmed" style={{ flex: 1 }}>
          {texts.palette(mod)}
        </Text>
        <Button variant="default" size="xs" leftSection={<IconSearch size={14} aria-hidden />} onClick={spotlight.open}>
          {texts.openPalette}
        </Button>
      </Group>
    </Card>
  );
}
