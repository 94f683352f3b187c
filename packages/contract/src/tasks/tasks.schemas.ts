import { z } from "zod";
import { uuid } from "../platform/common.js";

export const taskPriorities = ["low", "normal", "high", "urgent"] as const;
export const taskPrioritySchema = z.enum(taskPriorities);
export type TaskPriority = z.infer<typeof taskPrioritySchema>;
export const taskStatusSchema = z.enum(["open", "done"]);
export type TaskStatus = z.infer<typeof taskStatusSchema>;

/** A calendar date, 'YYYY-MM-DD', that exists. */
export const calendarDateSchema = z.iso.date();

/** Record types a task can be linked to: lower-case words; which ones exist is registered on the server. */
export const linkedTypeSchema = z.string().regex(/^[a-z][a-z_]{0,39}$/, "a record type such as contact or company");

export const taskLinkSchema = z.object({
  type: z.string(),
  id: uuid,
  /** The record's name, or null when the caller may not see it (or it is gone). */
  name: z.string().nullable(),
});

export const taskSchema = z.object({
  id: uuid,
  title: z.string(),
  notes: z.string().nullable(),
  /** All-day tasks have a due date; timed tasks a due instant (UTC); at most one is set. */
  dueDate: z.string().nullable(),
  dueAt: z.iso.datetime().nullable(),
  allDay: z.boolean(),
  priority: taskPrioritySchema,
  status: taskStatusSchema,
  completedAt: z.iso.datetime().nullable(),
  assigneeId: uuid,
  creatorId: uuid.nullable(),
  linked: taskLinkSchema.nullable(),
  source: z.object({ type: z.string(), id: uuid }).nullable(),
  remindAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Task = z.infer<typeof taskSchema>;

const title = z.string().trim().min(1).max(500);
const notes = z.string().max(20000);
const linkInput = z.strictObject({ type: linkedTypeSchema, id: uuid });

export const createTaskBodySchema = z
  .strictObject({
    title,
    notes: notes.optional(),
    dueDate: calendarDateSchema.nullable().optional(),
    dueAt: z.iso.datetime({ offset: true }).nullable().optional(),
    priority: taskPrioritySchema.default("normal"),
    /** Defaults to the caller (a user); API keys must name one. */
    assigneeId: uuid.optional(),
    linked: linkInput.nullable().optional(),
    remindAt: z.iso.datetime({ offset: true }).nullable().optional(),
  })
  .refine((b) => !(b.dueDate && b.dueAt), { path: ["dueAt"], message: "give dueDate (all day) or dueAt (timed), not both" });
export type CreateTaskBody = z.input<typeof createTaskBodySchema>;

export const updateTaskBodySchema = z
  .strictObject({
    title: title.optional(),
    notes: notes.nullable().optional(),
    dueDate: calendarDateSchema.nullable().optional(),
    dueAt: z.iso.datetime({ offset: true }).nullable().optional(),
    priority: taskPrioritySchema.optional(),
    assigneeId: uuid.optional(),
    linked: linkInput.nullable().optional(),
    remindAt: z.iso.datetime({ offset: true }).nullable().optional(),
  })
  .refine((b) => !(b.dueDate && b.dueAt), { path: ["dueAt"], message: "give dueDate (all day) or dueAt (timed), not both" });
export type UpdateTaskBody = z.input<typeof updateTaskBodySchema>;

/** Lists take `filter[field][op]=value` (see the fields in the guide), `sort`, `limit` and `cursor`. */
export const listTasksQuerySchema = z.looseObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(4000).optional(),
  sort: z.string().max(300).optional(),
});

export const myTasksSchema = z.object({
  /** The time zone "today" was computed in: the user's, else the workspace's. */
  timeZone: z.string(),
  today: z.string(),
  overdue: z.array(taskSchema),
  dueToday: z.array(taskSchema),
  upcoming: z.array(taskSchema),
  noDate: z.array(taskSchema),
  /** True when the user has more open tasks than one answer holds (the list endpoint pages through all). */
  truncated: z.boolean(),
});
export type MyTasks = z.infer<typeof myTasksSchema>;

export const myTaskCountsSchema = z.object({ overdue: z.number().int(), dueToday: z.number().int() });
export type MyTaskCounts = z.infer<typeof myTaskCountsSchema>;

export const calendarFeedSchema = z.object({
  active: z.boolean(),
  createdAt: z.iso.datetime().nullable(),
  lastUsedAt: z.iso.datetime().nullable(),
});
export type CalendarFeed = z.infer<typeof calendarFeedSchema>;

/** Only the answer that creates or rotates the feed carries its URL: the secret is stored hashed. */
export const createdCalendarFeedSchema = z.object({ url: z.string(), createdAt: z.iso.datetime() });
export type CreatedCalendarFeed = z.infer<typeof createdCalendarFeedSchema>;
