import { z } from "zod";
import { uuid } from "../platform/common.js";
import { amountMinorSchema, currencySchema } from "./sales.schemas.js";

export const productPriceSchema = z.object({ currency: z.string(), unitPriceMinor: z.number().int() });

export const productSchema = z.object({
  id: uuid,
  code: z.string(),
  name: z.string(),
  productLine: z.string().nullable(),
  description: z.string().nullable(),
  active: z.boolean(),
  /** The price list: one unit price per currency. */
  prices: z.array(productPriceSchema),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Product = z.infer<typeof productSchema>;

const productFields = {
  code: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._\-/]*$/, "letters, digits and . _ - /"),
  name: z.string().trim().min(1).max(300),
  productLine: z.string().trim().max(100).nullable(),
  description: z.string().max(10_000).nullable(),
  active: z.boolean(),
  /** Replaces the price list; one entry per currency. */
  prices: z
    .array(z.strictObject({ currency: currencySchema, unitPriceMinor: amountMinorSchema }))
    .max(50)
    .refine((ps) => new Set(ps.map((p) => p.currency)).size === ps.length, "one price per currency"),
};
export const createProductBodySchema = z.strictObject(productFields).partial().required({ code: true, name: true });
export const updateProductBodySchema = z.strictObject(productFields).partial();

export const listProductsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(1000).optional(),
  /** Name or code contains. */
  q: z.string().trim().max(200).optional(),
  active: z.enum(["true", "false"]).optional(),
  productLine: z.string().trim().max(100).optional(),
});
