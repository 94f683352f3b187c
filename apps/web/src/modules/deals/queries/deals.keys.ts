/**
 * Query keys of the sales data. Everything of deals sits under ["deals"], pipelines under
 * ["pipelines"], products under ["products"], so a realtime event refreshes only what it touches.
 */
export const dealKeys = {
  all: ["deals"] as const,
  boards: ["deals", "board"] as const,
  board: (pipelineId: string, filters: unknown) => ["deals", "board", pipelineId, filters] as const,
  lists: ["deals", "list"] as const,
  list: (query: unknown) => ["deals", "list", query] as const,
  // Outside ["deals"]: the fields do not change when deals do, so realtime leaves them be.
  fields: ["deal-fields"] as const,
  details: ["deals", "detail"] as const,
  detail: (id: string) => ["deals", "detail", id] as const,
  histories: ["deals", "history"] as const,
  history: (id: string) => ["deals", "history", id] as const,
  related: ["deals", "related"] as const,
  relatedOf: (field: "companyId" | "contactId", id: string) => ["deals", "related", field, id] as const,
  timelines: (id: string) => ["deals", "timeline", id] as const,
  timeline: (id: string, parties: unknown) => ["deals", "timeline", id, parties] as const,
};

export const pipelineKeys = {
  all: ["pipelines"] as const,
  list: (archived: "false" | "all") => ["pipelines", archived] as const,
};

export const productKeys = {
  all: ["products"] as const,
  list: (query: unknown) => ["products", "list", query] as const,
  options: (q: string) => ["products", "options", q] as const,
};
