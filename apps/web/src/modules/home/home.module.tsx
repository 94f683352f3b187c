import { IconHome } from "@tabler/icons-react";
import { lazy } from "react";
import type { AppModule } from "../../platform/modules/module.types";
import { homeTexts } from "./home.texts";
import { recentAuditKey } from "./recent-audit.query";

const HomePage = lazy(() => import("./HomePage").then((m) => ({ default: m.HomePage })));

export const homeModule: AppModule = {
  id: "home",
  label: homeTexts.navLabel,
  icon: IconHome,
  path: "/",
  routes: [{ index: true, element: <HomePage /> }],
  invalidates: { "*": [recentAuditKey] },
};
