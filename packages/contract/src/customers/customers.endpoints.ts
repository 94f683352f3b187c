import { z } from "zod";
import { idParamsSchema, listQuerySchema, pageOf, uuid } from "../platform/common.js";
import { endpoint } from "../platform/endpoint.js";
import {
  bulkActionBodySchema,
  bulkResultSchema,
  companySchema,
  contactSchema,
  createCompanyBodySchema,
  createContactBodySchema,
  createCustomFieldBodySchema,
  customFieldSchema,
  fieldInfoSchema,
  listRecordsQuerySchema,
  recordObjectSchema,
  updateCompanyBodySchema,
  updateContactBodySchema,
  updateCustomFieldBodySchema,
} from "./customers.schemas.js";
import {
  createInteractionBodySchema,
  documentSchema,
  interactionSchema,
  listInteractionsQuerySchema,
  notificationSchema,
  recordSummarySchema,
  timelineQuerySchema,
  updateInteractionBodySchema,
} from "./interactions.schemas.js";
import {
  createViewBodySchema,
  savedViewSchema,
  searchHitSchema,
  searchQuerySchema,
  updateViewBodySchema,
  viewObjectSchema,
} from "./views.schemas.js";

const timelinePage = pageOf(interactionSchema);

/** The endpoints of one record object (contacts or companies) share their shape. */
function recordEndpoints<R extends z.ZodType, C extends z.ZodType, U extends z.ZodType>(
  plural: "contacts" | "companies",
  label: string,
  record: R,
  create: C,
  update: U,
) {
  const tags = [label];
  const base = `/api/v1/${plural}`;
  return {
    list: endpoint({
      method: "GET",
      path: base,
      summary: `List ${plural} with filters, sort and cursor pagination`,
      tags,
      query: listRecordsQuerySchema,
      status: 200,
      response: pageOf(record),
    }),
    fields: endpoint({
      method: "GET",
      path: `${base}/fields`,
      summary: `Fields of ${plural} that lists can show, filter and sort on (built-in and custom)`,
      tags,
      status: 200,
      response: z.object({ items: z.array(fieldInfoSchema) }),
    }),
    create: endpoint({
      method: "POST",
      path: base,
      summary: `Create a ${label.toLowerCase()}`,
      tags,
      body: create,
      status: 201,
      response: record,
    }),
    get: endpoint({
      method: "GET",
      path: `${base}/{id}`,
      summary: `One ${label.toLowerCase()}`,
      tags,
      params: idParamsSchema,
      status: 200,
      response: record,
    }),
    update: endpoint({
      method: "PATCH",
      path: `${base}/{id}`,
      summary: `Change fields of a ${label.toLowerCase()}`,
      tags,
      params: idParamsSchema,
      body: update,
      status: 200,
      response: record,
    }),
    remove: endpoint({
      method: "DELETE",
      path: `${base}/{id}`,
      summary: "Move to the trash (restorable)",
      tags,
      params: idParamsSchema,
      status: 204,
      response: null,
    }),
    restore: endpoint({
      method: "POST",
      path: `${base}/{id}/restore`,
      summary: "Restore from the trash",
      tags,
      params: idParamsSchema,
      status: 200,
      response: record,
    }),
    bulk: endpoint({
      method: "POST",
      path: `${base}/bulk`,
      summary: "Tag, change owner, delete or restore many at once",
      tags,
      body: bulkActionBodySchema,
      status: 200,
      response: bulkResultSchema,
    }),
    summary: endpoint({
      method: "GET",
      path: `${base}/{id}/summary`,
      summary: "Key facts and counts for the 360° page",
      tags,
      params: idParamsSchema,
      status: 200,
      response: recordSummarySchema,
    }),
    timeline: endpoint({
      method: "GET",
      path: `${base}/{id}/timeline`,
      summary: "Interactions on every channel, newest first",
      tags,
      params: idParamsSchema,
      query: timelineQuerySchema,
      status: 200,
      response: timelinePage,
    }),
    documents: endpoint({
      method: "GET",
      path: `${base}/{id}/documents`,
      summary: "Attached documents, newest first",
      tags,
      params: idParamsSchema,
      query: listQuerySchema,
      status: 200,
      response: pageOf(documentSchema),
    }),
  };
}

export const contactEndpoints = recordEndpoints("contacts", "People", contactSchema, createContactBodySchema, updateContactBodySchema);
export const companyEndpoints = {
  ...recordEndpoints("companies", "Companies", companySchema, createCompanyBodySchema, updateCompanyBodySchema),
  people: endpoint({
    method: "GET",
    path: "/api/v1/companies/{id}/people",
    summary: "People linked to the company",
    tags: ["Companies"],
    params: idParamsSchema,
    query: listQuerySchema,
    status: 200,
    response: pageOf(contactSchema),
  }),
};

export const customFieldEndpoints = {
  list: endpoint({
    method: "GET",
    path: "/api/v1/custom-fields",
    summary: "Custom field definitions",
    tags: ["Custom fields"],
    query: z.object({ objectType: recordObjectSchema.optional() }),
    status: 200,
    response: z.object({ items: z.array(customFieldSchema) }),
  }),
  create: endpoint({
    method: "POST",
    path: "/api/v1/custom-fields",
    summary: "Define a custom field",
    tags: ["Custom fields"],
    body: createCustomFieldBodySchema,
    status: 201,
    response: customFieldSchema,
  }),
  update: endpoint({
    method: "PATCH",
    path: "/api/v1/custom-fields/{id}",
    summary: "Rename a custom field or change its options",
    tags: ["Custom fields"],
    params: idParamsSchema,
    body: updateCustomFieldBodySchema,
    status: 200,
    response: customFieldSchema,
  }),
  remove: endpoint({
    method: "DELETE",
    path: "/api/v1/custom-fields/{id}",
    summary: "Delete a custom field definition",
    tags: ["Custom fields"],
    params: idParamsSchema,
    status: 204,
    response: null,
  }),
};

export const interactionEndpoints = {
  list: endpoint({
    method: "GET",
    path: "/api/v1/interactions",
    summary: "Interactions, newest first, optionally of one person or company",
    tags: ["Interactions"],
    query: listInteractionsQuerySchema,
    status: 200,
    response: timelinePage,
  }),
  create: endpoint({
    method: "POST",
    path: "/api/v1/interactions",
    summary: "Log a note, call, meeting, email, chat, social message or visit",
    tags: ["Interactions"],
    body: createInteractionBodySchema,
    status: 201,
    response: interactionSchema,
  }),
  get: endpoint({
    method: "GET",
    path: "/api/v1/interactions/{id}",
    summary: "One interaction",
    tags: ["Interactions"],
    params: idParamsSchema,
    status: 200,
    response: interactionSchema,
  }),
  update: endpoint({
    method: "PATCH",
    path: "/api/v1/interactions/{id}",
    summary: "Edit an interaction",
    tags: ["Interactions"],
    params: idParamsSchema,
    body: updateInteractionBodySchema,
    status: 200,
    response: interactionSchema,
  }),
  remove: endpoint({
    method: "DELETE",
    path: "/api/v1/interactions/{id}",
    summary: "Delete an interaction",
    tags: ["Interactions"],
    params: idParamsSchema,
    status: 204,
    response: null,
  }),
};

export const searchEndpoints = {
  search: endpoint({
    method: "GET",
    path: "/api/v1/search",
    summary: "Search people, companies and deals: names (typo- and accent-tolerant), emails, phones, domains, tags",
    tags: ["Search"],
    query: searchQuerySchema,
    status: 200,
    response: z.object({ items: z.array(searchHitSchema) }),
  }),
};

export const viewEndpoints = {
  list: endpoint({
    method: "GET",
    path: "/api/v1/views",
    summary: "Saved views: mine and the shared ones",
    tags: ["Views"],
    query: z.object({ objectType: viewObjectSchema.optional() }),
    status: 200,
    response: z.object({ items: z.array(savedViewSchema) }),
  }),
  create: endpoint({
    method: "POST",
    path: "/api/v1/views",
    summary: "Save a view",
    tags: ["Views"],
    body: createViewBodySchema,
    status: 201,
    response: savedViewSchema,
  }),
  update: endpoint({
    method: "PATCH",
    path: "/api/v1/views/{id}",
    summary: "Change a saved view",
    tags: ["Views"],
    params: idParamsSchema,
    body: updateViewBodySchema,
    status: 200,
    response: savedViewSchema,
  }),
  remove: endpoint({
    method: "DELETE",
    path: "/api/v1/views/{id}",
    summary: "Delete a saved view",
    tags: ["Views"],
    params: idParamsSchema,
    status: 204,
    response: null,
  }),
};

export const documentEndpoints = {
  remove: endpoint({
    method: "DELETE",
    path: "/api/v1/documents/{id}",
    summary: "Delete a document",
    tags: ["Documents"],
    params: idParamsSchema,
    status: 204,
    response: null,
  }),
};

export const notificationEndpoints = {
  list: endpoint({
    method: "GET",
    path: "/api/v1/notifications",
    summary: "My notifications (mentions, reminders), newest first",
    tags: ["Notifications"],
    query: z.object({ unread: z.enum(["true", "false"]).optional() }),
    status: 200,
    response: z.object({ items: z.array(notificationSchema), unreadCount: z.number().int() }),
  }),
  markRead: endpoint({
    method: "POST",
    path: "/api/v1/notifications/{id}/read",
    summary: "Mark a notification read",
    tags: ["Notifications"],
    params: z.object({ id: uuid }),
    status: 204,
    response: null,
  }),
};
