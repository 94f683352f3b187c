import { Group, Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import type { ReactNode } from "react";
import { shellTexts } from "./shell.texts";

type Props = {
  title: string;
  description?: ReactNode;
  /** Buttons on the right (e.g. "Add user"). */
  actions?: ReactNode;
  /** Extra parts of the browser tab title after the page name (e.g. "Settings"). */
  context?: string;
};

/** The page's h2 heading, its description and actions; also sets the browser tab title. */
export function PageHeader({ title, description, actions, context }: Props) {
  useDocumentTitle([title, context, shellTexts.appName].filter(Boolean).join(" · "));
  return (
    <Group justify="space-between" align="flex-start" mb="lg" gap="sm">
      <Stack gap={4} style={{ flex: "1 1 260px" }}>
        <Title order={2}>{title}</Title>
        {description && (
          <Text c="dimmed" size="sm">
            {description}
          </Text>
        )}
      </Stack>
      {actions && <Group gap="xs">{actions}</Group>}
    </Group>
  );
}
