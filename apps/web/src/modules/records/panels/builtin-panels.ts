import { lazy } from "react";
import { registerRecordPanel } from "../record-panels";
import { recordsTexts } from "../records.texts";

const TimelinePanel = lazy(() => import("../timeline/TimelinePanel").then((m) => ({ default: m.TimelinePanel })));
const DetailsPanel = lazy(() => import("./DetailsPanel").then((m) => ({ default: m.DetailsPanel })));
const CustomFieldsPanel = lazy(() => import("./CustomFieldsPanel").then((m) => ({ default: m.CustomFieldsPanel })));
const CompaniesOfPersonPanel = lazy(() => import("./RelatedPanels").then((m) => ({ default: m.CompaniesOfPersonPanel })));
const PeopleOfCompanyPanel = lazy(() => import("./RelatedPanels").then((m) => ({ default: m.PeopleOfCompanyPanel })));
const DocumentsPanel = lazy(() => import("./DocumentsPanel").then((m) => ({ default: m.DocumentsPanel })));
const HistoryPanel = lazy(() => import("./HistoryPanel").then((m) => ({ default: m.HistoryPanel })));

const texts = recordsTexts.panels;

/**
 * The panels every 360° page of people and companies has. Called by the People and the
 * Companies module (registering twice is harmless); other modules register their own panels
 * the same way — see docs/guides/web-modules.md.
 */
export function registerBuiltInRecordPanels(): void {
  registerRecordPanel({
    id: "timeline",
    title: texts.timeline,
    entityTypes: ["contact", "company"],
    order: 10,
    area: "main",
    component: TimelinePanel,
  });
  registerRecordPanel({ id: "details", title: texts.details, entityTypes: ["contact", "company"], order: 10, component: DetailsPanel });
  registerRecordPanel({ id: "people", title: texts.people, entityTypes: ["company"], order: 15, component: PeopleOfCompanyPanel });
  registerRecordPanel({
    id: "custom-fields",
    title: texts.customFields,
    entityTypes: ["contact", "company"],
    order: 20,
    component: CustomFieldsPanel,
  });
  registerRecordPanel({ id: "companies", title: texts.companies, entityTypes: ["contact"], order: 30, component: CompaniesOfPersonPanel });
  registerRecordPanel({
    id: "documents",
    title: texts.documents,
    entityTypes: ["contact", "company"],
    order: 40,
    component: DocumentsPanel,
  });
  registerRecordPanel({
    id: "history",
    title: texts.history,
    entityTypes: ["contact", "company"],
    order: 50,
    component: HistoryPanel,
    requiredPermission: "audit.read",
  });
}
