import type { StreamStatus } from "./activity-store";

/** Texts of the realtime activity indicator. */
export const realtimeTexts = {
  indicator: "Recent activity",
  title: "Recent activity",
  empty: "Nothing has happened since you opened Rapport. Changes by anyone in the workspace appear here live.",
  status: {
    connecting: "Connecting…",
    live: "Live",
    reconnecting: "Reconnecting…",
    offline: "Offline",
  } satisfies Record<StreamStatus, string>,
  unseen: (n: number) => (n === 1 ? "1 new event" : `${n} new events`),
  byActor: (actor: string) => `by ${actor}`,
  actorTypes: { user: "a user", api_key: "an API key", system: "the system" } as Record<string, string>,
};
