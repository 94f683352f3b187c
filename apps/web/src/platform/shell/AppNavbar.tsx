import { AppShell, NavLink, ScrollArea } from "@mantine/core";
import { Link, useLocation } from "react-router";
import type { AppModule } from "../modules/module.types";
import { useVisibleModules } from "../modules/use-visible-modules";
import { isPathActive } from "./is-path-active";
import { shellTexts } from "./shell.texts";

/** One link per registered module the user may use; "bottom" modules (Settings) sit at the foot. */
export function AppNavbar({ onNavigate }: { onNavigate: () => void }) {
  const modules = useVisibleModules();
  const top = modules.filter((m) => (m.navPosition ?? "top") === "top");
  const bottom = modules.filter((m) => m.navPosition === "bottom");
  return (
    <AppShell.Navbar p="xs" aria-label={shellTexts.mainNavigation}>
      <AppShell.Section grow component={ScrollArea}>
        {top.map((m) => (
          <ModuleLink key={m.id} module={m} onNavigate={onNavigate} />
        ))}
      </AppShell.Section>
      {bottom.length > 0 && (
        <AppShell.Section pt="xs" style={{ borderTop: "1px solid var(--app-shell-border-color)" }}>
          {bottom.map((m) => (
            <ModuleLink key={m.id} module={m} onNavigate={onNavigate} />
          ))}
        </AppShell.Section>
      )}
    </AppShell.Navbar>
  );
}

function ModuleLink({ module, onNavigate }: { module: AppModule; onNavigate: () => void }) {
  const { pathname } = useLocation();
  const active = isPathActive(pathname, module.path);
  const Icon = module.icon;
  const Badge = module.navBadge;
  return (
    <NavLink
      component={Link}
      to={module.path}
      label={module.label}
      leftSection={<Icon size={20} stroke={1.6} aria-hidden />}
      rightSection={Badge ? <Badge /> : undefined}
      active={active}
      aria-current={active ? "page" : undefined}
      onClick={onNavigate}
      variant="light"
      style={{ borderRadius: "var(--mantine-radius-md)" }}
      mb={2}
    />
  );
}
