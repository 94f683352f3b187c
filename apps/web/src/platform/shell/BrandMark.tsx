import { Group, Text, ThemeIcon } from "@mantine/core";
import { IconUsersGroup } from "@tabler/icons-react";
import { shellTexts } from "./shell.texts";

/** The Rapport logo and name. */
export function BrandMark({ compact = false }: { compact?: boolean }) {
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon size={30} radius="md" variant="gradient" gradient={{ from: "indigo", to: "violet", deg: 135 }} aria-hidden>
        <IconUsersGroup size={18} />
      </ThemeIcon>
      {!compact && (
        <Text fw={700} size="lg" lh={1}>
          {shellTexts.appName}
        </Text>
      )}
    </Group>
  );
}
