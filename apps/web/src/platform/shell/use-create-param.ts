import { useDisclosure } from "@mantine/hooks";
import { useEffect } from "react";
import { useSearchParams } from "react-router";

/**
 * A modal that also opens from the URL (`?new=1`), so palette commands ("Add user", "New person") can
 * open it. The parameter is removed once consumed.
 */
export function useCreateParam(enabled: boolean) {
  const [searchParams, setSearchParams] = useSearchParams();
  const [opened, handlers] = useDisclosure(false);
  const requested = searchParams.get("new") === "1";

  useEffect(() => {
    if (!requested) return;
    if (enabled) handlers.open();
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.delete("new");
        return next;
      },
      { replace: true },
    );
  }, [requested, enabled, handlers, setSearchParams]);

  return [opened, handlers] as const;
}
