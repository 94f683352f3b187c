import { IconListCheck } from "@tabler/icons-react";
import { lazy } from "react";
import type { AppModule } from "../../platform/modules/module.types";
import { playbooksTexts } from "./playbooks.texts";
import { playbooksKey } from "./queries/playbooks.queries";

const PlaybooksPage = lazy(() => import("./pages/PlaybooksPage").then((m) => ({ default: m.PlaybooksPage })));
const DealPlaybookPage = lazy(() => import("./pages/DealPlaybookPage").then((m) => ({ default: m.DealPlaybookPage })));

/** The deal page (built in the deals module) can show this panel: `<DealPlaybookPanel dealId={…} />`. */
export { DealPlaybookPanel } from "./components/DealPlaybookPanel";

/**
 * Playbooks: Settings › Playbooks (global version, regional variants, compare, offline
 * export) and a deal's playbook at /playbooks/deal/:id. Task and deal events refresh the
 * deal checklists.
 */
export const playbooksModule: AppModule = {
  id: "playbooks",
  label: playbooksTexts.module,
  icon: IconListCheck,
  path: "/settings/playbooks",
  requiredPermission: "records.read",
  routes: [{ path: "playbooks/deal/:id", element: <DealPlaybookPage /> }],
  settingsSections: [
    {
      id: "playbooks",
      label: playbooksTexts.settingsLabel,
      icon: IconListCheck,
      path: "playbooks",
      component: PlaybooksPage,
      order: 35,
      requiredPermission: "records.read",
      keywords: ["guidance", "steps", "sales process", "variants", "regions"],
    },
  ],
  invalidates: { playbook: [playbooksKey], task: [[...playbooksKey, "deal"]], deal: [[...playbooksKey, "deal"]] },
  entityTypeLabels: { playbook: "Playbook" },
  entityPaths: { playbook: () => "/settings/playbooks" },
};
