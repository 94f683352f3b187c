import { IconFileImport, IconUpload } from "@tabler/icons-react";
import type { AppModule } from "../../platform/modules/module.types";
import { ImportsRoutes } from "./ImportsRoutes";
import { importsTexts } from "./imports.texts";
import { importKeys } from "./queries/imports.queries";

/**
 * Imports: the wizard that brings people in from a CSV or vCard file (upload, column mapping,
 * matching, preview and dry run, live progress, summary with the error report and undo), and
 * the list of past imports. Reached from the Import button of the People list too.
 */
export const importsModule: AppModule = {
  id: "imports",
  label: importsTexts.navLabel,
  icon: IconFileImport,
  path: "/imports",
  requiredPermission: "records.write",
  navPosition: "bottom",
  routes: [{ path: "imports/*", element: <ImportsRoutes /> }],
  commands: [
    {
      id: "imports:new",
      label: importsTexts.newImport,
      icon: IconUpload,
      path: "/imports/new",
      keywords: ["import", "csv", "vcard", "upload", "spreadsheet", "hubspot", "salesforce"],
      requiredPermission: "records.write",
    },
    {
      id: "imports:new-companies",
      label: importsTexts.companies.newImport,
      icon: IconUpload,
      path: "/imports/new?type=company",
      keywords: ["import", "csv", "companies", "accounts", "organizations", "upload", "hubspot", "salesforce"],
      requiredPermission: "records.write",
    },
  ],
  // An import's events (rows applied per batch, undo) refresh it live; polling covers a dropped stream.
  invalidates: { import: [importKeys.all] },
  entityTypeLabels: { import: importsTexts.entityType },
  entityPaths: { import: (id) => `/imports/${id}` },
};
