import { describe, expect, it } from "vitest";
import { filtersFromSearch } from "./deal-filters";
import { dealPageFromSearch, dealPageOfDefinition, definitionOfDealPage, differsFromDealView, searchOfDealPage } from "./deal-views";

const page = {
  pipelineId: "p1",
  layout: "list" as const,
  sort: "-amountMinor",
  filters: {
    q: "renewal",
    ownerId: "u1",
    closeTo: "2026-12-31",
    rotting: true,
    conditions: [{ field: "region", op: "eq", value: "EMEA" }],
  },
};

describe("deal saved views", () => {
  it("store the pipeline, the bar's filters and the builder's conditions as API conditions", () => {
    expect(definitionOfDealPage(page)).toEqual({
      columns: [],
      layout: "list",
      q: "renewal",
      sort: "-amountMinor",
      filters: [
        { field: "pipelineId", op: "eq", value: "p1" },
        { field: "ownerId", op: "eq", value: "u1" },
        { field: "expectedCloseDate", op: "lte", value: "2026-12-31" },
        { field: "rotting", op: "eq", value: "true" },
        { field: "region", op: "eq", value: "EMEA" },
      ],
    });
  });

  it("open as the page they were saved from, through the address", () => {
    const reopened = dealPageOfDefinition(definitionOfDealPage(page));
    expect(reopened).toEqual(page);
    const params = searchOfDealPage(reopened, "v1");
    expect(params.get("savedView")).toBe("v1");
    expect(params.get("view")).toBe("list");
    expect(params.get("filter[region][eq]")).toBe("EMEA");
    expect(dealPageFromSearch(params)).toEqual(page);
  });

  it("keep conditions the bar cannot show, e.g. a second owner condition or rotting = false", () => {
    const reopened = dealPageOfDefinition({
      columns: [],
      filters: [
        { field: "ownerId", op: "eq", value: "u1" },
        { field: "ownerId", op: "ne", value: "u2" },
        { field: "rotting", op: "eq", value: "false" },
      ],
    });
    expect(reopened).toEqual({
      pipelineId: undefined,
      layout: "board",
      sort: undefined,
      filters: {
        ownerId: "u1",
        conditions: [
          { field: "ownerId", op: "ne", value: "u2" },
          { field: "rotting", op: "eq", value: "false" },
        ],
      },
    });
  });

  it("notice when the page has moved away from the view", () => {
    const definition = definitionOfDealPage(page);
    expect(differsFromDealView(page, definition)).toBe(false);
    expect(differsFromDealView({ ...page, layout: "board" }, definition)).toBe(true);
    expect(differsFromDealView({ ...page, filters: { ...page.filters, status: "won" } }, definition)).toBe(true);
    expect(differsFromDealView({ ...page, filters: filtersFromSearch(new URLSearchParams()) }, definition)).toBe(true);
  });
});
