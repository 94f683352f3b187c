import { lazy } from "react";
import { Route, Routes } from "react-router";
import { NotFoundPage } from "../../platform/shell/NotFoundPage";

const PeoplePage = lazy(() => import("./pages/PeoplePage").then((m) => ({ default: m.PeoplePage })));
const PersonPage = lazy(() => import("./pages/PersonPage").then((m) => ({ default: m.PersonPage })));

/** /people (the list) and /people/:id (the 360° page). */
export function PeopleRoutes() {
  return (
    <Routes>
      <Route index element={<PeoplePage />} />
      <Route path=":id" element={<PersonPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
