import { createBrowserRouter, Outlet, type RouteObject } from "react-router";
import { RequireAuth } from "../platform/auth/RequireAuth";
import { RequirePermission } from "../platform/auth/RequirePermission";
import { SignInPage } from "../platform/auth/SignInPage";
import type { AppModule } from "../platform/modules/module.types";
import { NotFoundPage } from "../platform/shell/NotFoundPage";
import { ShellLayout } from "../platform/shell/ShellLayout";
import { RouteErrorPage } from "./RouteErrorPage";

/** Module routes, behind the module's permission when it has one. */
function moduleRoutes(module: AppModule): RouteObject[] {
  if (!module.requiredPermission) return module.routes;
  return [
    {
      element: (
        <RequirePermission permission={module.requiredPermission}>
          <Outlet />
        </RequirePermission>
      ),
      children: module.routes,
    },
  ];
}

export function createRouter(modules: readonly AppModule[]) {
  return createBrowserRouter([
    { path: "/sign-in", element: <SignInPage />, errorElement: <RouteErrorPage /> },
    {
      path: "/",
      element: (
        <RequireAuth>
          <ShellLayout />
        </RequireAuth>
      ),
      errorElement: <RouteErrorPage />,
      children: [
        {
          errorElement: <RouteErrorPage />,
          children: [...modules.flatMap(moduleRoutes), { path: "*", element: <NotFoundPage /> }],
        },
      ],
    },
  ]);
}
