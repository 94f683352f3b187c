import { z } from "zod";
import { uuid } from "../platform/common.js";

/** The lists that can have saved views: the people and company lists, and the deals board and list. */
export const viewObjectSchema = z.enum(["contact", "company", "deal"]);
export type ViewObject = z.infer<typeof viewObjectSchema>;

/** What a saved view remembers: columns, filters and sort of a list (and, for deals, board or list). */
export const viewDefinitionSchema = z.strictObject({
  columns: z.array(z.string().max(100)).max(50).default([]),
  filters: z
    .array(z.strictObject({ field: z.string().max(100), op: z.string().max(20), value: z.string().max(1000) }))
    .max(30)
    .default([]),
  sort: z.string().max(300).optional(),
  q: z.string().max(200).optional(),
  /** How a deals view opens: the board or the list. Ignored by the people and company lists. */
  layout: z.enum(["board", "list"]).optional(),
});
export type ViewDefinition = z.infer<typeof viewDefinitionSchema>;

export const savedViewSchema = z.object({
  id: uuid,
  objectType: viewObjectSchema,
  name: z.string(),
  ownerId: uuid,
  shared: z.boolean(),
  definition: viewDefinitionSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type SavedView = z.infer<typeof savedViewSchema>;

export const createViewBodySchema = z.strictObject({
  objectType: viewObjectSchema,
  name: z.string().trim().min(1).max(200),
  shared: z.boolean().default(false),
  definition: viewDefinitionSchema,
});
export const updateViewBodySchema = z
  .strictObject({ name: z.string().trim().min(1).max(200), shared: z.boolean(), definition: viewDefinitionSchema })
  .partial();

export const searchQuerySchema = z.object({
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  types: z.string().max(100).optional(),
});

export const searchHitSchema = z.object({
  type: z.enum(["contact", "company", "deal"]),
  id: uuid,
  title: z.string(),
  subtitle: z.string().nullable(),
  score: z.number(),
  /** Where the query matched: field, its value, and [start, end) ranges to highlight. */
  highlights: z.array(z.object({ field: z.string(), value: z.string(), ranges: z.array(z.tuple([z.number(), z.number()])) })),
});
export type SearchHit = z.infer<typeof searchHitSchema>;
