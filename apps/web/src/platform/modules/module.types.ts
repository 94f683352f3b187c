import type { Permission } from "@rapport/contract";
import type { Icon } from "@tabler/icons-react";
import type { QueryKey } from "@tanstack/react-query";
import type { ComponentType } from "react";
import type { RouteObject } from "react-router";

/**
 * What a feature module contributes to the app. Register it with one line in
 * `src/modules/registry.ts`; the router, navbar, command palette, settings and realtime
 * cache invalidation all read from that list.
 */
export type AppModule = {
  id: string;
  /** Navbar and command palette label. */
  label: string;
  icon: Icon;
  /** Where the navbar link points, e.g. "/contacts". */
  path: string;
  /** Routes mounted inside the app shell (paths relative to "/", e.g. "contacts/*"). */
  routes: RouteObject[];
  /** Hides the module (nav, routes, commands) from users without it. */
  requiredPermission?: Permission;
  /** "bottom" pins the nav link under the others (Settings). Defaults to "top". */
  navPosition?: "top" | "bottom";
  /** Sections this module adds to Settings (its own sub-navigation entries). */
  settingsSections?: SettingsSection[];
  /** Extra command palette actions (e.g. "New contact"). Navigation to `path` is added automatically. */
  commands?: CommandAction[];
  /** Record search shown in the command palette once the user types. */
  searchProviders?: SearchProvider[];
  /** Realtime: entity type of a domain event → query keys to invalidate. "*" matches every event. */
  invalidates?: Record<string, QueryKey[]>;
  /** Human labels for the entity types this module owns ("api_key" → "API key"). */
  entityTypeLabels?: Record<string, string>;
  /**
   * Where a record of an entity type this module owns opens ("contact" → id → "/people/<id>"),
   * e.g. from a notification about it.
   */
  entityPaths?: Record<string, (id: string) => string>;
  /** A small count shown on the module's navbar link (e.g. overdue tasks); renders nothing when there is none. */
  navBadge?: ComponentType;
  /** Sections this module adds to Settings › My account (e.g. the calendar feed), below the built-in ones. */
  accountSections?: AccountSection[];
};

export type AccountSection = {
  id: string;
  component: ComponentType;
  /** Lower first. */
  order: number;
};

export type SettingsSection = {
  id: string;
  label: string;
  icon: Icon;
  /** Relative to /settings, e.g. "users". */
  path: string;
  component: ComponentType;
  requiredPermission?: Permission;
  /** Sorts sections across modules (lower first). */
  order: number;
  /** Extra words the command palette matches on. */
  keywords?: string[];
};

export type CommandAction = {
  id: string;
  label: string;
  description?: string;
  icon?: Icon;
  keywords?: string[];
  requiredPermission?: Permission;
  group?: string;
  /** Either navigate somewhere… */
  path?: string;
  /** …or run something. */
  run?: () => void;
};

export type SearchResult = {
  id: string;
  label: string;
  description?: string;
  /** [start, end) ranges of `label` / `description` the query matched; the palette marks them. */
  labelRanges?: [number, number][];
  descriptionRanges?: [number, number][];
  /** Where choosing the result navigates. */
  path: string;
};

export type SearchProvider = {
  id: string;
  /** Group heading in the palette, e.g. "Users". */
  label: string;
  icon: Icon;
  requiredPermission?: Permission;
  /** Characters typed before this provider is asked (default 2). */
  minQueryLength?: number;
  search: (query: string, signal: AbortSignal) => Promise<SearchResult[]>;
};
