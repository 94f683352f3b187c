import { IconBuilding, IconBuildingPlus } from "@tabler/icons-react";
import type { AppModule } from "../../platform/modules/module.types";
import { registerBuiltInRecordPanels } from "../records/panels/builtin-panels";
import { recordPath } from "../records/record-types";
import { recordInvalidations } from "../records/records.keys";
import { CompaniesRoutes } from "./CompaniesRoutes";
import { companiesSearchProvider } from "./companies.search";
import { companiesTexts } from "./companies.texts";

registerBuiltInRecordPanels();

/** Companies: the list (/companies) and the 360° page (/companies/:id). */
export const companiesModule: AppModule = {
  id: "companies",
  label: companiesTexts.navLabel,
  icon: IconBuilding,
  path: "/companies",
  requiredPermission: "records.read",
  routes: [{ path: "companies/*", element: <CompaniesRoutes /> }],
  commands: [
    {
      id: "companies:new",
      label: companiesTexts.commands.newCompany,
      icon: IconBuildingPlus,
      path: "/companies?new=1",
      keywords: ["add", "create", "account", "organisation"],
      requiredPermission: "records.write",
    },
  ],
  searchProviders: [companiesSearchProvider],
  invalidates: { company: recordInvalidations.company ?? [] },
  entityTypeLabels: { company: companiesTexts.entityType },
  entityPaths: { company: (id) => recordPath("company", id) },
};
