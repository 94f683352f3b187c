import type { DomainEvent } from "./domain-event";

export type StreamStatus = "connecting" | "live" | "reconnecting" | "offline";

export type ActivitySnapshot = {
  status: StreamStatus;
  /** Newest first. */
  events: readonly DomainEvent[];
  unseen: number;
};

const MAX_EVENTS = 50;

/** The realtime stream's recent events and connection state, for the header indicator and the home page. */
class ActivityStore {
  private snapshot: ActivitySnapshot = { status: "connecting", events: [], unseen: 0 };
  private readonly listeners = new Set<() => void>();

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  push(event: DomainEvent) {
    if (this.snapshot.events.some((e) => e.id === event.id)) return;
    const events = [event, ...this.snapshot.events].slice(0, MAX_EVENTS);
    this.set({ events, unseen: Math.min(this.snapshot.unseen + 1, MAX_EVENTS) });
  }

  setStatus(status: StreamStatus) {
    if (status !== this.snapshot.status) this.set({ status });
  }

  markSeen() {
    if (this.snapshot.unseen > 0) this.set({ unseen: 0 });
  }

  reset() {
    this.set({ status: "connecting", events: [], unseen: 0 });
  }

  private set(patch: Partial<ActivitySnapshot>) {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}

export const activityStore = new ActivityStore();
