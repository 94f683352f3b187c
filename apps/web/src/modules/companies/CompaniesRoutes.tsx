import { lazy } from "react";
import { Route, Routes } from "react-router";
import { NotFoundPage } from "../../platform/shell/NotFoundPage";

const CompaniesPage = lazy(() => import("./pages/CompaniesPage").then((m) => ({ default: m.CompaniesPage })));
const CompanyPage = lazy(() => import("./pages/CompanyPage").then((m) => ({ default: m.CompanyPage })));

/** /companies (the list) and /companies/:id (the 360° page). */
export function CompaniesRoutes() {
  return (
    <Routes>
      <Route index element={<CompaniesPage />} />
      <Route path=":id" element={<CompanyPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
