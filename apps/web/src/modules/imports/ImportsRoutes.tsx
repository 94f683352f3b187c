import { lazy } from "react";
import { Route, Routes } from "react-router";
import { NotFoundPage } from "../../platform/shell/NotFoundPage";

const ImportsPage = lazy(() => import("./pages/ImportsPage").then((m) => ({ default: m.ImportsPage })));
const NewImportPage = lazy(() => import("./pages/NewImportPage").then((m) => ({ default: m.NewImportPage })));
const ImportPage = lazy(() => import("./pages/ImportPage").then((m) => ({ default: m.ImportPage })));

/** /imports (past imports), /imports/new (upload), /imports/:id (mapping, checks, progress, summary). */
export function ImportsRoutes() {
  return (
    <Routes>
      <Route index element={<ImportsPage />} />
      <Route path="new" element={<NewImportPage />} />
      <Route path=":id" element={<ImportPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
