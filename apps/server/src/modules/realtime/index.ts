/** The realtime stream: committed domain events pushed to browsers and integrations (SSE). */
export { EventHub } from "./event-hub.js";
export { registerRealtimeRoutes } from "./realtime.routes.js";
