import { useSyncExternalStore } from "react";
import { type ActivitySnapshot, activityStore } from "./activity-store";

/** Recent realtime events, unseen count and connection status. */
export function useActivity(): ActivitySnapshot {
  return useSyncExternalStore(activityStore.subscribe, activityStore.getSnapshot);
}
