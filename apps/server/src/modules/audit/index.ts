/** The audit trail: every change, field by field, from the domain events. Read by admins. */
export { auditConsumer } from "./audit.consumer.js";
export { registerAuditRoutes } from "./audit.routes.js";
