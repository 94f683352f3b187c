import { searchEndpoints } from "@rapport/contract";
import { IconBuilding } from "@tabler/icons-react";
import { apiCall } from "../../platform/api/api-client";
import type { SearchProvider } from "../../platform/modules/module.types";
import { searchResults } from "../records/search-results";
import { companiesTexts } from "./companies.texts";

/** Command palette: companies by name (typo-tolerant), domain, phone or tag, with the matches marked. */
export const companiesSearchProvider: SearchProvider = {
  id: "companies",
  label: companiesTexts.searchGroup,
  icon: IconBuilding,
  requiredPermission: "records.read",
  search: async (query, signal) => {
    const result = await apiCall(searchEndpoints.search, { query: { q: query, types: "company", limit: 6 }, signal });
    return searchResults(result.items);
  },
};
