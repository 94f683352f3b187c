import type { StreamStatus } from "./activity-store";
import { DOMAIN_EVENT_NAME, type DomainEvent, domainEventSchema, EVENT_STREAM_PATH } from "./domain-event";

type Handlers = {
  onEvent: (event: DomainEvent) => void;
  onStatus: (status: StreamStatus) => void;
  /** Called when the stream is back after an interruption: events may have been missed. */
  onResume: () => void;
  /** Called when the server refused the stream (e.g. the session ended elsewhere). */
  onRefused: () => void;
};

const MAX_DELAY_MS = 30_000;

/**
 * Opens the SSE stream. EventSource retries dropped connections by itself; when the server
 * refuses the connection (an HTTP error closes it for good) this reconnects with backoff.
 * Returns a function that closes the stream.
 */
export function connectEventStream({ onEvent, onStatus, onResume, onRefused }: Handlers): () => void {
  let source: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  let interrupted = false;
  let closed = false;

  const open = () => {
    onStatus(attempt === 0 ? "connecting" : "reconnecting");
    source = new EventSource(EVENT_STREAM_PATH, { withCredentials: true });
    source.addEventListener("open", () => {
      attempt = 0;
      onStatus("live");
      if (interrupted) onResume();
      interrupted = false;
    });
    source.addEventListener(DOMAIN_EVENT_NAME, (message) => {
      try {
        const parsed = domainEventSchema.safeParse(JSON.parse((message as MessageEvent<string>).data));
        if (parsed.success) onEvent(parsed.data);
      } catch {
        // A malformed message is skipped; the next one may be fine.
      }
    });
    source.addEventListener("error", () => {
      interrupted = true;
      if (!source || source.readyState !== EventSource.CLOSED) {
        onStatus("reconnecting");
        return;
      }
      source = null;
      onRefused();
      onStatus(navigator.onLine ? "reconnecting" : "offline");
      const delay = Math.min(MAX_DELAY_MS, 1000 * 2 ** attempt) * (0.75 + Math.random() / 2);
      attempt += 1;
      timer = setTimeout(() => {
        if (!closed) open();
      }, delay);
    });
  };

  open();
  return () => {
    closed = true;
    clearTimeout(timer);
    source?.close();
  };
}
