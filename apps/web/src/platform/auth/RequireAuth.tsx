import { Center } from "@mantine/core";
import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { ErrorState } from "../feedback/ErrorState";
import { PageLoader } from "../feedback/PageLoader";
import { useAuth } from "./use-auth";

/** Renders its children for a signed-in user; sends everyone else to /sign-in (and back afterwards). */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { me, isPending, error, refetch } = useAuth();
  const location = useLocation();
  if (isPending) return <PageLoader fullScreen />;
  if (error && me === undefined) {
    return (
      <Center h="100vh" p="md">
        <ErrorState error={error} onRetry={() => void refetch()} />
      </Center>
    );
  }
  if (!me) {
    const from = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to="/sign-in" replace state={{ from }} />;
  }
  return children;
}
