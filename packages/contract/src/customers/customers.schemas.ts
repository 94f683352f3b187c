import { z } from "zod";
import { uuid } from "../platform/common.js";

export const lifecycleStages = ["subscriber", "lead", "prospect", "opportunity", "customer", "evangelist", "churned", "other"] as const;
export const lifecycleStageSchema = z.enum(lifecycleStages);
export type LifecycleStage = z.infer<typeof lifecycleStageSchema>;

export const customFieldTypes = [
  "text",
  "long_text",
  "number",
  "money",
  "date",
  "boolean",
  "select",
  "multi_select",
  "url",
  "email",
  "phone",
] as const;
export const customFieldTypeSchema = z.enum(customFieldTypes);
export type CustomFieldType = z.infer<typeof customFieldTypeSchema>;
export const recordObjectSchema = z.enum(["contact", "company"]);
export type RecordObject = z.infer<typeof recordObjectSchema>;

export const addressSchema = z.strictObject({
  label: z.string().trim().max(50).optional(),
  street: z.string().trim().max(300).optional(),
  city: z.string().trim().max(100).optional(),
  region: z.string().trim().max(100).optional(),
  postalCode: z.string().trim().max(20).optional(),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "an ISO 3166 country code such as DE")
    .optional(),
});
export type Address = z.infer<typeof addressSchema>;

/** Social profiles by network name (linkedin, x, facebook, instagram, github, …). */
export const socialSchema = z
  .record(z.string().regex(/^[a-z][a-z0-9_]{0,30}$/), z.string().trim().max(300))
  .refine((o) => Object.keys(o).length <= 20, {
    message: "at most 20 profiles",
  });

/** Custom field values by key; validated on the server against the field definitions. */
export const customValuesSchema = z.record(z.string().max(63), z.unknown());
export const moneyValueSchema = z.strictObject({ amount: z.number().int(), currency: z.string().regex(/^[A-Z]{3}$/) });

const tagsSchema = z.array(z.string().trim().min(1).max(50)).max(50);
const emailsSchema = z.array(z.string().trim().max(254)).max(20);
const phonesSchema = z.array(z.string().trim().max(40)).max(20);

export const companyLinkSchema = z.strictObject({
  companyId: uuid,
  role: z.string().trim().max(100).nullish(),
  isPrimary: z.boolean().default(false),
});

export const contactSchema = z.object({
  id: uuid,
  firstName: z.string(),
  lastName: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  emails: z.array(z.string()),
  phones: z.array(z.string()),
  addresses: z.array(addressSchema),
  social: z.record(z.string(), z.string()),
  lifecycleStage: lifecycleStageSchema,
  source: z.string().nullable(),
  ownerId: uuid.nullable(),
  tags: z.array(z.string()),
  notes: z.string().nullable(),
  custom: z.record(z.string(), z.unknown()),
  companies: z.array(z.object({ companyId: uuid, name: z.string(), role: z.string().nullable(), isPrimary: z.boolean() })),
  lastInteractionAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  deletedAt: z.iso.datetime().nullable(),
});
export type Contact = z.infer<typeof contactSchema>;

const contactFields = {
  firstName: z.string().trim().max(200),
  lastName: z.string().trim().max(200),
  title: z.string().trim().max(200).nullish(),
  emails: emailsSchema,
  phones: phonesSchema,
  addresses: z.array(addressSchema).max(10),
  social: socialSchema,
  lifecycleStage: lifecycleStageSchema,
  source: z.string().trim().max(100).nullish(),
  ownerId: uuid.nullish(),
  tags: tagsSchema,
  notes: z.string().max(20_000).nullish(),
  custom: customValuesSchema,
  companies: z.array(companyLinkSchema).max(50),
};

export const createContactBodySchema = z
  .strictObject({
    ...contactFields,
    firstName: contactFields.firstName.default(""),
    lastName: contactFields.lastName.default(""),
  })
  .partial({ emails: true, phones: true, addresses: true, social: true, lifecycleStage: true, tags: true, custom: true, companies: true })
  .refine((c) => (c.firstName ?? "") !== "" || (c.lastName ?? "") !== "", {
    message: "a first or last name is required",
    path: ["lastName"],
  });
export const updateContactBodySchema = z.strictObject(contactFields).partial();

export const companySchema = z.object({
  id: uuid,
  name: z.string(),
  domain: z.string().nullable(),
  industry: z.string().nullable(),
  size: z.string().nullable(),
  employees: z.number().int().nullable(),
  region: z.string().nullable(),
  country: z.string().nullable(),
  phones: z.array(z.string()),
  addresses: z.array(addressSchema),
  social: z.record(z.string(), z.string()),
  lifecycleStage: lifecycleStageSchema,
  source: z.string().nullable(),
  ownerId: uuid.nullable(),
  tags: z.array(z.string()),
  notes: z.string().nullable(),
  custom: z.record(z.string(), z.unknown()),
  peopleCount: z.number().int(),
  lastInteractionAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  deletedAt: z.iso.datetime().nullable(),
});
export type Company = z.infer<typeof companySchema>;

const companyFields = {
  name: z.string().trim().min(1).max(300),
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .max(253)
    .regex(/^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/, "a domain such as example.com")
    .nullish(),
  industry: z.string().trim().max(100).nullish(),
  size: z.string().trim().max(50).nullish(),
  employees: z.number().int().min(0).max(10_000_000).nullish(),
  region: z.string().trim().max(100).nullish(),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "an ISO 3166 country code")
    .nullish(),
  phones: phonesSchema,
  addresses: z.array(addressSchema).max(10),
  social: socialSchema,
  lifecycleStage: lifecycleStageSchema,
  source: z.string().trim().max(100).nullish(),
  ownerId: uuid.nullish(),
  tags: tagsSchema,
  notes: z.string().max(20_000).nullish(),
  custom: customValuesSchema,
};
export const createCompanyBodySchema = z
  .strictObject(companyFields)
  .partial({ phones: true, addresses: true, social: true, lifecycleStage: true, tags: true, custom: true });
export const updateCompanyBodySchema = z.strictObject(companyFields).partial();

/**
 * List queries. Besides these, filters come as `filter[field][op]=value` (ops: eq, ne, lt,
 * lte, gt, gte, in, contains, startsWith, isNull); fields and ops are allow-listed per object.
 */
export const listRecordsQuerySchema = z.looseObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(4000).optional(),
  sort: z.string().max(300).optional(),
  q: z.string().trim().max(200).optional(),
  view: uuid.optional(),
  trash: z.enum(["true", "false"]).optional(),
});

export const bulkActionBodySchema = z.discriminatedUnion("action", [
  z.strictObject({ action: z.literal("addTags"), ids: z.array(uuid).min(1).max(1000), tags: tagsSchema.min(1) }),
  z.strictObject({ action: z.literal("removeTags"), ids: z.array(uuid).min(1).max(1000), tags: tagsSchema.min(1) }),
  z.strictObject({ action: z.literal("setOwner"), ids: z.array(uuid).min(1).max(1000), ownerId: uuid.nullable() }),
  z.strictObject({ action: z.literal("delete"), ids: z.array(uuid).min(1).max(1000) }),
  z.strictObject({ action: z.literal("restore"), ids: z.array(uuid).min(1).max(1000) }),
]);
export const bulkResultSchema = z.object({ affected: z.number().int() });

export const fieldInfoSchema = z.object({
  key: z.string(),
  label: z.string(),
  type: z.string(),
  operators: z.array(z.string()),
  sortable: z.boolean(),
  options: z.array(z.string()).optional(),
  custom: z.boolean(),
});
export type FieldInfo = z.infer<typeof fieldInfoSchema>;

export const customFieldSchema = z.object({
  id: uuid,
  objectType: recordObjectSchema,
  key: z.string(),
  label: z.string(),
  type: customFieldTypeSchema,
  options: z.array(z.string()),
  required: z.boolean(),
  position: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type CustomField = z.infer<typeof customFieldSchema>;

export const createCustomFieldBodySchema = z.strictObject({
  objectType: recordObjectSchema,
  key: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, "lowercase letters, digits and _; starts with a letter"),
  label: z.string().trim().min(1).max(200),
  type: customFieldTypeSchema,
  options: z.array(z.string().trim().min(1).max(100)).max(200).default([]),
  required: z.boolean().default(false),
  position: z.number().int().min(0).max(10_000).default(0),
});
export const updateCustomFieldBodySchema = z
  .strictObject({
    label: z.string().trim().min(1).max(200),
    options: z.array(z.string().trim().min(1).max(100)).max(200),
    required: z.boolean(),
    position: z.number().int().min(0).max(10_000),
  })
  .partial();
