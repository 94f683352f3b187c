import { useComputedColorScheme, useMantineColorScheme } from "@mantine/core";
import { IconKey, IconLogout, IconSettings, IconSunMoon } from "@tabler/icons-react";
import { useMemo } from "react";
import { usePermissions } from "../auth/use-permissions";
import { useSignOut } from "../auth/use-sign-out";
import type { CommandAction } from "../modules/module.types";
import { useVisibleModules, useVisibleSettingsSections } from "../modules/use-visible-modules";
import { useRegisteredCommands } from "./command-registry";
import { shellTexts } from "./shell.texts";

const texts = shellTexts.palette;

/** Everything the palette offers without searching: pages, settings sections, module and page commands. */
export function usePaletteActions(): CommandAction[] {
  const modules = useVisibleModules();
  const sections = useVisibleSettingsSections();
  const registered = useRegisteredCommands();
  const { can } = usePermissions();
  const signOut = useSignOut();
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme("light");

  return useMemo(() => {
    const pages: CommandAction[] = modules.map((m) => ({
      id: `page:${m.id}`,
      label: m.label,
      keywords: [texts.goTo(m.label)],
      icon: m.icon,
      path: m.path,
      group: texts.groups.pages,
    }));
    const settings: CommandAction[] = sections.map((s) => ({
      id: `settings:${s.id}`,
      label: texts.settingsSection(s.label),
      icon: s.icon ?? IconSettings,
      path: `/settings/${s.path}`,
      keywords: s.keywords,
      group: texts.groups.settings,
    }));
    const fromModules = modules.flatMap((m) => m.commands ?? []);
    const builtIn: CommandAction[] = [
      {
        id: "shell:change-password",
        label: shellTexts.changePassword,
        icon: IconKey,
        path: "/settings/account#password",
        keywords: ["password", "security"],
      },
      {
        id: "shell:toggle-color-scheme",
        label: texts.toggleColorScheme,
        icon: IconSunMoon,
        keywords: ["theme", "dark", "light"],
        run: () => setColorScheme(scheme === "dark" ? "light" : "dark"),
      },
      { id: "shell:sign-out", label: shellTexts.signOut, icon: IconLogout, run: () => signOut.mutate() },
    ];
    const actions = [...fromModules, ...registered, ...builtIn]
      .filter((c) => can(c.requiredPermission))
      .map((c) => ({ ...c, group: c.group ?? texts.groups.actions }));
    return [...pages, ...settings, ...actions];
  }, [modules, sections, registered, can, signOut, setColorScheme, scheme]);
}
