/**
 * Tasks: to-dos with due dates, assignees, linked records and reminders; "My tasks"; each
 * user's iCalendar feed. Other modules create tasks inside their own transaction with
 * createTask(systemTaskContext(tx, …), …) and react to `task.completed` (TaskCompletedPayload).
 */
export { registerCalendarFeedRoutes } from "./calendar-feed.routes.js";
export { completeTask } from "./commands/complete-task.js";
export { createTask, type NewTask } from "./commands/create-task.js";
export { sendDueReminders } from "./commands/send-due-reminders.js";
export { systemTaskContext, type TaskContext } from "./commands/task-context.js";
export { type LinkableRecordType, TaskLinkTypes } from "./task-links.js";
export { TASK_EVENTS, type TaskCompletedPayload } from "./tasks.events.js";
export { taskJobs } from "./tasks.jobs.js";
export { taskEventRule } from "./tasks.policy.js";
export { registerTaskRoutes } from "./tasks.routes.js";
