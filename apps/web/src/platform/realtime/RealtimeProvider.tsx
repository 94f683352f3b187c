import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect } from "react";
import { meQueryKey } from "../auth/me.query";
import { useModules } from "../modules/modules.context";
import { notificationsKey } from "../notifications/notifications.query";
import { activityStore } from "./activity-store";
import { connectEventStream } from "./event-stream";

/**
 * Keeps the realtime stream open while the user is signed in, records events for the activity
 * indicator, and invalidates the caches each module declared for the event's entity type.
 */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const modules = useModules();

  useEffect(() => {
    const close = connectEventStream({
      onStatus: (status) => activityStore.setStatus(status),
      onResume: () => void queryClient.invalidateQueries(),
      // Possibly signed out elsewhere: /me decides (and sends the user to sign-in if so).
      onRefused: () => void queryClient.invalidateQueries({ queryKey: meQueryKey }),
      onEvent: (event) => {
        activityStore.push(event);
        for (const module of modules) {
          const keys = [...(module.invalidates?.[event.entityType] ?? []), ...(module.invalidates?.["*"] ?? [])];
          for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
        }
        // The bell: the stream only sends me my own notifications.
        if (event.entityType === "notification") void queryClient.invalidateQueries({ queryKey: notificationsKey });
        // My own name, role or workspace may have changed.
        if (event.entityType === "user" || event.entityType === "workspace") {
          void queryClient.invalidateQueries({ queryKey: meQueryKey });
        }
      },
    });
    return () => {
      close();
      activityStore.reset();
    };
  }, [queryClient, modules]);

  return children;
}
