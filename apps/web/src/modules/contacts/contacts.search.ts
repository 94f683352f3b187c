import { searchEndpoints } from "@rapport/contract";
import { IconUser } from "@tabler/icons-react";
import { apiCall } from "../../platform/api/api-client";
import type { SearchProvider } from "../../platform/modules/module.types";
import { searchResults } from "../records/search-results";
import { contactsTexts } from "./contacts.texts";

/** Command palette: people by name (typo-tolerant), email, phone or tag, with the matches marked. */
export const peopleSearchProvider: SearchProvider = {
  id: "people",
  label: contactsTexts.searchGroup,
  icon: IconUser,
  requiredPermission: "records.read",
  search: async (query, signal) => {
    const result = await apiCall(searchEndpoints.search, { query: { q: query, types: "contact", limit: 8 }, signal });
    return searchResults(result.items);
  },
};
