import { useMemo } from "react";
import { usePermissions } from "../auth/use-permissions";
import type { AppModule, SettingsSection } from "./module.types";
import { useModules } from "./modules.context";

/** Modules the signed-in user may use. */
export function useVisibleModules(): AppModule[] {
  const modules = useModules();
  const { can } = usePermissions();
  return useMemo(() => modules.filter((m) => can(m.requiredPermission)), [modules, can]);
}

/** Settings sections of every module the user may see, in order. */
export function useVisibleSettingsSections(): SettingsSection[] {
  const modules = useVisibleModules();
  const { can } = usePermissions();
  return useMemo(
    () =>
      modules
        .flatMap((m) => m.settingsSections ?? [])
        .filter((s) => can(s.requiredPermission))
        .sort((a, b) => a.order - b.order),
    [modules, can],
  );
}

/** Every settings section, including the ones the user may not open (routes render "no access"). */
export function useAllSettingsSections(): SettingsSection[] {
  const modules = useModules();
  return useMemo(() => modules.flatMap((m) => m.settingsSections ?? []).sort((a, b) => a.order - b.order), [modules]);
}

/** Human label of an entity type, as contributed by modules; falls back to the raw type. */
export function useEntityTypeLabels(): Record<string, string> {
  const modules = useModules();
  return useMemo(() => Object.assign({}, ...modules.map((m) => m.entityTypeLabels ?? {})), [modules]);
}

/** The page of a record of a given entity type, as contributed by modules; undefined when none knows it. */
export function useEntityPath(): (entityType: string | null | undefined, id: string | null | undefined) => string | undefined {
  const modules = useVisibleModules();
  return useMemo(() => {
    const paths: Record<string, (id: string) => string> = Object.assign({}, ...modules.map((m) => m.entityPaths ?? {}));
    return (entityType, id) => (entityType && id ? paths[entityType]?.(id) : undefined);
  }, [modules]);
}
