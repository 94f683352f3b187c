import { Button, Center, Stack } from "@mantine/core";
import { useRouteError } from "react-router";
import { ErrorState } from "../platform/feedback/ErrorState";
import { appTexts } from "./app.texts";

/** Shown when a page crashes while rendering (or a lazy chunk fails to load after a deploy). */
export function RouteErrorPage() {
  const error = useRouteError();
  return (
    <Center p="xl">
      <Stack maw={560} w="100%">
        <ErrorState title={appTexts.crashed} error={error} onRetry={() => window.location.reload()} />
        <Button component="a" href="/" variant="subtle">
          {appTexts.backHome}
        </Button>
      </Stack>
    </Center>
  );
}
