import type { ViewDefinition } from "@rapport/contract";
import { type DealFilters, filterConditions, filtersFromConditions, filtersFromSearch, filtersToSearch } from "./deal-filters";

/** What the deals page shows, all of it in the address: pipeline, board or list, list sort, filters. */
export type DealPage = {
  pipelineId?: string | undefined;
  layout: "board" | "list";
  /** The list's sort (`-amountMinor`); the board orders its cards itself. */
  sort?: string | undefined;
  filters: DealFilters;
};

/** The address keys of the page besides the filters; `savedView` is the chosen saved view's id. */
export const PAGE_PARAMS = { pipeline: "pipeline", layout: "view", sort: "sort", savedView: "savedView" } as const;

export function dealPageFromSearch(params: URLSearchParams): DealPage {
  return {
    pipelineId: params.get(PAGE_PARAMS.pipeline) ?? undefined,
    layout: params.get(PAGE_PARAMS.layout) === "list" ? "list" : "board",
    sort: params.get(PAGE_PARAMS.sort) ?? undefined,
    filters: filtersFromSearch(params),
  };
}

/** The address of a page: only its own keys, plus the saved view it shows (if any). */
export function searchOfDealPage(page: DealPage, savedViewId: string | null): URLSearchParams {
  const next = filtersToSearch(page.filters, new URLSearchParams());
  if (page.pipelineId) next.set(PAGE_PARAMS.pipeline, page.pipelineId);
  if (page.layout === "list") next.set(PAGE_PARAMS.layout, "list");
  if (page.sort) next.set(PAGE_PARAMS.sort, page.sort);
  if (savedViewId) next.set(PAGE_PARAMS.savedView, savedViewId);
  return next;
}

/** A saved view of the page: the pipeline is a condition like the filters, so the server checks it too. */
export function definitionOfDealPage(page: DealPage): ViewDefinition {
  const filters = [
    ...(page.pipelineId ? [{ field: "pipelineId", op: "eq", value: page.pipelineId }] : []),
    ...filterConditions(page.filters),
  ];
  const definition: ViewDefinition = { columns: [], filters, layout: page.layout };
  const q = page.filters.q?.trim();
  if (q) definition.q = q;
  if (page.sort) definition.sort = page.sort;
  return definition;
}

export function dealPageOfDefinition(definition: ViewDefinition): DealPage {
  const pipeline = definition.filters.find((f) => f.field === "pipelineId" && f.op === "eq");
  const rest = definition.filters.filter((f) => f !== pipeline);
  return {
    pipelineId: pipeline?.value,
    layout: definition.layout === "list" ? "list" : "board",
    sort: definition.sort,
    filters: filtersFromConditions(rest, definition.q),
  };
}

/** Whether the page has moved away from the saved view (a "Save changes" button appears). */
export function differsFromDealView(page: DealPage, definition: ViewDefinition): boolean {
  const saved = definitionOfDealPage(dealPageOfDefinition(definition));
  return JSON.stringify(definitionOfDealPage(page)) !== JSON.stringify(saved);
}
