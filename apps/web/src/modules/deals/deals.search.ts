import { dealEndpoints } from "@rapport/contract";
import { IconBriefcase } from "@tabler/icons-react";
import { apiCall } from "../../platform/api/api-client";
import { formatMoney } from "../../platform/format/number";
import type { SearchProvider } from "../../platform/modules/module.types";
import { dealsTexts } from "./deals.texts";

/** Command palette: deals whose name matches (the deal list's `q`; deals are not in the record search index). */
export const dealsSearchProvider: SearchProvider = {
  id: "deals",
  label: dealsTexts.searchGroup,
  icon: IconBriefcase,
  requiredPermission: "records.read",
  search: async (query, signal) => {
    const page = await apiCall(dealEndpoints.list, { query: { q: query, limit: 6 }, signal });
    return page.items.map((deal) => {
      const start = deal.name.toLowerCase().indexOf(query.trim().toLowerCase());
      return {
        id: deal.id,
        label: deal.name,
        description: [deal.companyName, formatMoney(deal.amountMinor, deal.currency), dealsTexts.status[deal.status]]
          .filter(Boolean)
          .join(" · "),
        ...(start >= 0 ? { labelRanges: [[start, start + query.trim().length]] as [number, number][] } : {}),
        path: `/deals/${deal.id}`,
      };
    });
  },
};
