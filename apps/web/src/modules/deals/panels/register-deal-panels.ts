import { lazy } from "react";
import { registerRecordPanel } from "../../records/record-panels";
import { dealsTexts } from "../deals.texts";

const DealsPanel = lazy(() => import("./DealsPanel").then((m) => ({ default: m.DealsPanel })));

/** The deals of a person or a company on their 360° page (side column, above the details). */
export function registerDealPanels(): void {
  registerRecordPanel({
    id: "deals",
    title: dealsTexts.panel.title,
    entityTypes: ["contact", "company"],
    order: 5,
    component: DealsPanel,
    requiredPermission: "records.read",
  });
}
