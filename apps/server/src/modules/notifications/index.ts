/** Notifications: mentions and reminders for one user, read by the bell of the web app. */
export { type NotifyInput, notify } from "./commands/notify.js";
export { canSeeNotificationEvent } from "./notifications.policy.js";
export { registerNotificationRoutes } from "./notifications.routes.js";
