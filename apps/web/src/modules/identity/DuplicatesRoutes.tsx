import { lazy } from "react";
import { Route, Routes } from "react-router";
import { NotFoundPage } from "../../platform/shell/NotFoundPage";

const DuplicatesPage = lazy(() => import("./pages/DuplicatesPage").then((m) => ({ default: m.DuplicatesPage })));
const MergePage = lazy(() => import("./pages/MergePage").then((m) => ({ default: m.MergePage })));
const MergeHistoryPage = lazy(() => import("./pages/MergeHistoryPage").then((m) => ({ default: m.MergeHistoryPage })));

/** /duplicates (the review queue), /duplicates/merge (the merge screen), /duplicates/history. */
export function DuplicatesRoutes() {
  return (
    <Routes>
      <Route index element={<DuplicatesPage />} />
      <Route path="merge" element={<MergePage />} />
      <Route path="history" element={<MergeHistoryPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
