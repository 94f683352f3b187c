import { IconBriefcase, IconLayoutKanban, IconPackage, IconPlus, IconTimelineEvent } from "@tabler/icons-react";
import { lazy } from "react";
import type { AppModule } from "../../platform/modules/module.types";
import { DealsRoutes } from "./DealsRoutes";
import { dealsSearchProvider } from "./deals.search";
import { dealsTexts } from "./deals.texts";
import { registerDealPanels } from "./panels/register-deal-panels";
import { dealKeys, pipelineKeys, productKeys } from "./queries/deals.keys";

const PipelinesPage = lazy(() => import("./settings/PipelinesPage").then((m) => ({ default: m.PipelinesPage })));
const ProductsPage = lazy(() => import("./settings/ProductsPage").then((m) => ({ default: m.ProductsPage })));

registerDealPanels();

/**
 * Deals: the board and list (/deals), the deal page (/deals/:id), the deals panels of people
 * and companies, and Settings › Pipelines and Products. Realtime events about deals refresh
 * boards, lists and open deal pages, so a card another user moves moves here too.
 */
export const dealsModule: AppModule = {
  id: "deals",
  label: dealsTexts.navLabel,
  icon: IconBriefcase,
  path: "/deals",
  requiredPermission: "records.read",
  routes: [{ path: "deals/*", element: <DealsRoutes /> }],
  commands: [
    {
      id: "deals:new",
      label: dealsTexts.commands.newDeal,
      icon: IconPlus,
      path: "/deals?new=1",
      keywords: ["add", "create", "opportunity", "deal"],
      requiredPermission: "records.write",
    },
    {
      id: "deals:board",
      label: dealsTexts.commands.board,
      icon: IconLayoutKanban,
      path: "/deals",
      keywords: ["pipeline", "kanban", "board", "opportunities"],
    },
  ],
  searchProviders: [dealsSearchProvider],
  settingsSections: [
    {
      id: "pipelines",
      label: dealsTexts.pipelines.title,
      icon: IconTimelineEvent,
      path: "pipelines",
      component: PipelinesPage,
      order: 80,
      requiredPermission: "sales.manage",
      keywords: ["stages", "probability", "rotting", "sales"],
    },
    {
      id: "products",
      label: dealsTexts.products.title,
      icon: IconPackage,
      path: "products",
      component: ProductsPage,
      order: 81,
      requiredPermission: "sales.manage",
      keywords: ["price list", "catalogue", "catalog", "prices"],
    },
  ],
  invalidates: {
    deal: [dealKeys.all],
    pipeline: [pipelineKeys.all, dealKeys.boards],
    product: [productKeys.all],
  },
  entityTypeLabels: dealsTexts.entityTypes,
  entityPaths: { deal: (id) => `/deals/${id}` },
};
