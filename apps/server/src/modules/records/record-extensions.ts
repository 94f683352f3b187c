import type { Principal } from "../../platform/auth/principal.js";

/**
 * The extension point of the 360° pages. A module that knows something about a person or a
 * company (interactions, documents, later deals, tickets, campaigns, purchases, surveys)
 * contributes to the summary here, at wiring time in app.ts, instead of editing the people
 * or companies module. The web app has the matching panel registry
 * (apps/web/src/modules/records/record-panels.ts).
 */
export type RecordRef = { entityType: "contact" | "company"; id: string };
export type SummaryContributor = (principal: Principal, record: RecordRef) => Promise<Record<string, unknown>>;

export class RecordExtensions {
  private readonly contributors: SummaryContributor[] = [];

  addSummary(contributor: SummaryContributor) {
    this.contributors.push(contributor);
  }

  async summary(principal: Principal, record: RecordRef): Promise<Record<string, unknown>> {
    const parts = await Promise.all(this.contributors.map((c) => c(principal, record)));
    return Object.assign({}, ...parts);
  }
}
