import { searchEndpoints } from "@rapport/contract";
import { IconBriefcase } from "@tabler/icons-react";
import { apiCall } from "../../platform/api/api-client";
import type { SearchProvider } from "../../platform/modules/module.types";
import { searchResults } from "../records/search-results";
import { dealsTexts } from "./deals.texts";

/** Command palette: deals by name (typo-tolerant, the server's search index), with the matches marked. */
export const dealsSearchProvider: SearchProvider = {
  id: "deals",
  label: dealsTexts.searchGroup,
  icon: IconBriefcase,
  requiredPermission: "records.read",
  search: async (query, signal) => {
    const result = await apiCall(searchEndpoints.search, { query: { q: query, types: "deal", limit: 6 }, signal });
    return searchResults(result.items);
  },
};
