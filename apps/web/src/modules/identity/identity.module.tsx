import { IconCopy, IconGitMerge } from "@tabler/icons-react";
import { lazy } from "react";
import type { AppModule } from "../../platform/modules/module.types";
import { registerRecordPanel } from "../records/record-panels";
import { DuplicatesRoutes } from "./DuplicatesRoutes";
import { identityTexts } from "./identity.texts";
import { identityKeys } from "./queries/identity.queries";

const PossibleDuplicatesPanel = lazy(() =>
  import("./components/PossibleDuplicatesPanel").then((m) => ({ default: m.PossibleDuplicatesPanel })),
);
const IdentitySettingsPage = lazy(() => import("./pages/IdentitySettingsPage").then((m) => ({ default: m.IdentitySettingsPage })));

registerRecordPanel({
  id: "possible-duplicates",
  title: identityTexts.panel.title,
  entityTypes: ["contact"],
  order: 12,
  area: "side",
  component: PossibleDuplicatesPanel,
});

/**
 * Identity resolution: the duplicates review queue, the merge screen, merge history with
 * undo, the "Possible duplicates" panel of a person, and Settings › Duplicate rules.
 */
export const identityModule: AppModule = {
  id: "identity",
  label: identityTexts.navLabel,
  icon: IconCopy,
  path: "/duplicates",
  requiredPermission: "records.read",
  routes: [{ path: "duplicates/*", element: <DuplicatesRoutes /> }],
  commands: [
    {
      id: "identity:history",
      label: identityTexts.history.title,
      icon: IconGitMerge,
      path: "/duplicates/history",
      keywords: ["merge", "undo"],
    },
  ],
  settingsSections: [
    {
      id: "duplicates",
      label: identityTexts.settings.title,
      icon: IconCopy,
      path: "duplicates",
      component: IdentitySettingsPage,
      order: 75,
      requiredPermission: "workspace.manage",
      keywords: ["merge", "duplicates", "identity"],
    },
  ],
  // Merges and decisions change pairs; any change to a person may add or withdraw pairs.
  invalidates: { merge: [identityKeys.all], duplicate: [identityKeys.all], contact: [identityKeys.all] },
  entityTypeLabels: identityTexts.entityTypes,
};
