import { lazy } from "react";
import { Route, Routes } from "react-router";
import { NotFoundPage } from "../../platform/shell/NotFoundPage";

const DealsPage = lazy(() => import("./pages/DealsPage").then((m) => ({ default: m.DealsPage })));
const DealPage = lazy(() => import("./deal/DealPage").then((m) => ({ default: m.DealPage })));

/** /deals (board or list) and /deals/:id (the deal page). */
export function DealsRoutes() {
  return (
    <Routes>
      <Route index element={<DealsPage />} />
      <Route path=":id" element={<DealPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
