import { useQueries } from "@tanstack/react-query";
import { useMemo } from "react";
import { usePermissions } from "../auth/use-permissions";
import type { SearchProvider, SearchResult } from "../modules/module.types";
import { useVisibleModules } from "../modules/use-visible-modules";

export type SearchGroup = {
  provider: SearchProvider;
  results: SearchResult[];
  isLoading: boolean;
  isError: boolean;
};

/** Asks every search provider the user may use; one react-query per provider and query. */
export function usePaletteSearch(query: string): SearchGroup[] {
  const modules = useVisibleModules();
  const { can } = usePermissions();
  const trimmed = query.trim();
  const providers = useMemo(
    () =>
      modules.flatMap((m) => m.searchProviders ?? []).filter((p) => can(p.requiredPermission) && trimmed.length >= (p.minQueryLength ?? 2)),
    [modules, can, trimmed],
  );
  const results = useQueries({
    queries: providers.map((provider) => ({
      queryKey: ["palette-search", provider.id, trimmed],
      queryFn: ({ signal }: { signal: AbortSignal }) => provider.search(trimmed, signal),
      staleTime: 30_000,
      meta: { notifyErrors: false },
    })),
  });
  return providers.map((provider, i) => ({
    provider,
    results: results[i]?.data ?? [],
    isLoading: results[i]?.isLoading ?? false,
    isError: results[i]?.isError ?? false,
  }));
}
