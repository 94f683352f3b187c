import { useState } from "react";
import { RouterProvider } from "react-router/dom";
import { modules } from "../modules/registry";
import { AppProviders } from "./AppProviders";
import { createRouter } from "./router";

export function App() {
  const [router] = useState(() => createRouter(modules));
  return (
    <AppProviders modules={modules}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
