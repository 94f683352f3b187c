import type { QueryKey } from "@tanstack/react-query";
import { customFieldsKey } from "./queries/custom-fields.queries";
import { recordKeys } from "./queries/records.queries";
import { viewsKey } from "./queries/views.queries";

/**
 * Realtime: what an event about each entity type makes stale (the modules' `invalidates`).
 * Narrow on purpose: a long loaded list refetches every loaded page, so interactions and
 * documents refresh timelines and summaries, not lists.
 */
export const recordInvalidations: Record<string, QueryKey[]> = {
  contact: [recordKeys.lists("contact"), recordKeys.details("contact"), recordKeys.peopleOfCompanies, ["records", "contact", "options"]],
  company: [recordKeys.lists("company"), recordKeys.details("company"), recordKeys.lists("contact"), ["records", "company", "options"]],
  interaction: [
    recordKeys.timelines("contact"),
    recordKeys.timelines("company"),
    recordKeys.summaries("contact"),
    recordKeys.summaries("company"),
  ],
  document: [
    recordKeys.documentLists("contact"),
    recordKeys.documentLists("company"),
    recordKeys.summaries("contact"),
    recordKeys.summaries("company"),
  ],
  custom_field: [customFieldsKey, recordKeys.fields("contact"), recordKeys.fields("company")],
  saved_view: [viewsKey],
};
