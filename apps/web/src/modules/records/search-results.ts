import type { SearchHit } from "@rapport/contract";
import type { SearchResult } from "../../platform/modules/module.types";
import { recordPath } from "./record-types";

/**
 * Search hits as palette results: the title with the name's matches marked; the subtitle, or
 * — when the query matched another field (an email, a phone, a tag) — that value, marked.
 */
export function searchResults(hits: SearchHit[]): SearchResult[] {
  return hits.map((hit) => {
    const titleMatch = hit.highlights.find((h) => h.value === hit.title && h.ranges.length > 0);
    const other = hit.highlights.find((h) => h.value !== hit.title && h.ranges.length > 0);
    // Deals live under /deals (the deals module's pages).
    const path = hit.type === "deal" ? `/deals/${hit.id}` : recordPath(hit.type, hit.id);
    const result: SearchResult = { id: hit.id, label: hit.title, path };
    if (titleMatch) result.labelRanges = titleMatch.ranges;
    if (other && !titleMatch) {
      result.description = other.value;
      result.descriptionRanges = other.ranges;
    } else if (hit.subtitle) {
      result.description = hit.subtitle;
    }
    return result;
  });
}
