import { IconForms, IconUserPlus, IconUsers } from "@tabler/icons-react";
import { lazy } from "react";
import type { AppModule } from "../../platform/modules/module.types";
import { registerBuiltInRecordPanels } from "../records/panels/builtin-panels";
import { recordPath } from "../records/record-types";
import { recordInvalidations } from "../records/records.keys";
import { recordsTexts } from "../records/records.texts";
import { peopleSearchProvider } from "./contacts.search";
import { contactsTexts } from "./contacts.texts";
import { PeopleRoutes } from "./PeopleRoutes";

const CustomFieldsPage = lazy(() => import("../records/settings/CustomFieldsPage").then((m) => ({ default: m.CustomFieldsPage })));

registerBuiltInRecordPanels();

/**
 * People: the list (/people) and the 360° page (/people/:id). It also brings what people and
 * companies share: Settings › Custom fields, and the realtime refresh of timelines, documents,
 * custom fields and saved views.
 */
export const contactsModule: AppModule = {
  id: "contacts",
  label: contactsTexts.navLabel,
  icon: IconUsers,
  path: "/people",
  requiredPermission: "records.read",
  routes: [{ path: "people/*", element: <PeopleRoutes /> }],
  commands: [
    {
      id: "contacts:new",
      label: contactsTexts.commands.newPerson,
      icon: IconUserPlus,
      path: "/people?new=1",
      keywords: ["add", "create", "contact"],
      requiredPermission: "records.write",
    },
  ],
  searchProviders: [peopleSearchProvider],
  settingsSections: [
    {
      id: "custom-fields",
      label: recordsTexts.customFieldsSettings.title,
      icon: IconForms,
      path: "custom-fields",
      component: CustomFieldsPage,
      order: 70,
      requiredPermission: "workspace.manage",
      keywords: ["fields", "attributes", "properties"],
    },
  ],
  invalidates: {
    contact: recordInvalidations.contact ?? [],
    interaction: recordInvalidations.interaction ?? [],
    document: recordInvalidations.document ?? [],
    custom_field: recordInvalidations.custom_field ?? [],
    saved_view: recordInvalidations.saved_view ?? [],
  },
  entityTypeLabels: {
    contact: contactsTexts.entityType,
    interaction: recordsTexts.entityTypes.interaction,
    document: recordsTexts.entityTypes.document,
    custom_field: recordsTexts.entityTypes.custom_field,
    saved_view: recordsTexts.entityTypes.saved_view,
    notification: recordsTexts.entityTypes.notification,
  },
  entityPaths: { contact: (id) => recordPath("contact", id) },
};
