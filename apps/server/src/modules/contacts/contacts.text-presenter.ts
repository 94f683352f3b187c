import type { Contact } from "@rapport/contract";
import { jsonColumnJson, textArrayJson, timestampJson } from "../../platform/db/pg-text.js";
import type { TextRow } from "../../platform/db/text-rows.js";
import type { CompanyLinkRow } from "./contacts.repository.js";

const str = (text: string | null) => JSON.stringify(text);

/**
 * A list page's contact as JSON text, written from its row as PostgreSQL's text (`textRows`)
 * with its `company_links` column: exactly the text `JSON.stringify(presentContact(…))` writes
 * for the same row — same keys in the same order, same values — without the Date, array and
 * object values pg's parsers and the presenter would build per person (decision 0032). Tests
 * compare the two byte for byte.
 */
export function contactJsonFromText(r: TextRow, visibleCustomKeys: Set<string>): string {
  if (r.company_links === null || r.company_links === undefined) throw new Error("contact list row without company_links");
  // Values of deleted field definitions stay stored but are not shown.
  const custom =
    r.custom === "{}"
      ? "{}"
      : JSON.stringify(
          Object.fromEntries(
            Object.entries(JSON.parse(r.custom as string) as Record<string, unknown>).filter(([k]) => visibleCustomKeys.has(k)),
          ),
        );
  const companies =
    r.company_links === "[]"
      ? "[]"
      : JSON.stringify(
          (JSON.parse(r.company_links) as CompanyLinkRow[]).map((l): Contact["companies"][number] => ({
            companyId: l.company_id,
            name: l.name,
            role: l.role,
            isPrimary: l.is_primary,
          })),
        );
  return (
    `{"id":${str(r.id as string)},"firstName":${str(r.first_name as string)},"lastName":${str(r.last_name as string)}` +
    `,"name":${str(r.name as string)},"title":${str(r.title as string | null)},"emails":${textArrayJson(r.emails as string | null)}` +
    `,"phones":${textArrayJson(r.phones as string | null)},"addresses":${jsonColumnJson(r.addresses as string | null)}` +
    `,"social":${jsonColumnJson(r.social as string | null)},"lifecycleStage":${str(r.lifecycle_stage as string)}` +
    `,"source":${str(r.source as string | null)},"ownerId":${str(r.owner_id as string | null)}` +
    `,"tags":${textArrayJson(r.tags as string | null)},"notes":${str(r.notes as string | null)}` +
    `,"custom":${custom},"companies":${companies}` +
    `,"lastInteractionAt":${timestampJson(r.last_interaction_at as string | null)},"createdAt":${timestampJson(r.created_at as string)}` +
    `,"updatedAt":${timestampJson(r.updated_at as string)},"deletedAt":${timestampJson(r.deleted_at as string | null)}}`
  );
}
