import type { FastifyInstance } from "fastify";
import { type Authenticator, authenticate } from "../../platform/auth/authenticator.js";
import type { StoredEvent } from "../../platform/events/processor.js";
import type { EventHub } from "./event-hub.js";

/** The public shape of an event on the stream: payload values are what the caller may see. */
export function presentStreamEvent(e: StoredEvent) {
  return {
    id: e.id,
    type: e.type,
    entityType: e.entityType,
    entityId: e.entityId,
    occurredAt: e.occurredAt.toISOString(),
    actor: { type: e.actorType, id: e.actorId },
    payload: e.payload,
  };
}

export function registerRealtimeRoutes(app: FastifyInstance, deps: { auth: Authenticator; hub: EventHub }) {
  app.get(
    "/api/v1/events/stream",
    {
      schema: {
        summary: "Server-sent events: the workspace's domain events that the caller may see",
        tags: ["Realtime"],
        security: [{ session: [] }, { apiKey: [] }],
      },
      config: { rateLimit: false },
    },
    async (req, reply) => {
      const principal = await authenticate(deps.auth, req);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        "Content-Type": "text/event-stream; charset=utf-8",
        "Cache-Control": "no-cache, no-transform",
        Connection: "keep-alive",
        "X-Accel-Buffering": "no",
        "X-Content-Type-Options": "nosniff",
      });
      res.write("retry: 3000\n\n");
      const unsubscribe = deps.hub.subscribe({
        principal,
        send: (e) => {
          res.write(`id: ${e.seq}\nevent: domain-event\ndata: ${JSON.stringify(presentStreamEvent(e))}\n\n`);
        },
      });
      // Comments keep proxies from closing an idle stream; re-checking the credentials ends
      // the stream soon after a sign-out or a revoked key.
      const heartbeat = setInterval(() => {
        res.write(": keep-alive\n\n");
        authenticate(deps.auth, req).catch(() => res.end());
      }, 25_000);
      req.raw.on("close", () => {
        clearInterval(heartbeat);
        unsubscribe();
      });
    },
  );
}
