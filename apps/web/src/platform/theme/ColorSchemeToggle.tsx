import { ActionIcon, Tooltip, useComputedColorScheme, useMantineColorScheme } from "@mantine/core";
import { IconMoon, IconSun } from "@tabler/icons-react";
import { themeTexts } from "./theme.texts";

/** Flips between light and dark; the choice is remembered (until then the system setting applies). */
export function ColorSchemeToggle() {
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme("light", { getInitialValueInEffect: false });
  const isDark = computed === "dark";
  return (
    <Tooltip label={isDark ? themeTexts.toLight : themeTexts.toDark}>
      <ActionIcon
        variant="default"
        size="lg"
        aria-label={themeTexts.toggle}
        aria-pressed={isDark}
        onClick={() => setColorScheme(isDark ? "light" : "dark")}
      >
        {isDark ? <IconSun size={18} aria-hidden /> : <IconMoon size={18} aria-hidden />}
      </ActionIcon>
    </Tooltip>
  );
}
