import { type BodyOf, type Company, type Contact, companyEndpoints, contactEndpoints, type FieldInfo } from "@rapport/contract";
import {
  keepPreviousData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { apiCall } from "../../../platform/api/api-client";
import { chunk } from "../list/list-state";
import type { CustomerRecord, RecordType } from "../record-types";

/**
 * Query keys of customer records. Everything of one object sits under ["records", type], each
 * kind of data under its own third part, so realtime events refresh only what they touch.
 */
export const recordKeys = {
  all: (type: RecordType) => ["records", type] as const,
  fields: (type: RecordType) => ["records", type, "fields"] as const,
  lists: (type: RecordType) => ["records", type, "list"] as const,
  list: (type: RecordType, query: unknown) => ["records", type, "list", query] as const,
  details: (type: RecordType) => ["records", type, "detail"] as const,
  detail: (type: RecordType, id: string) => ["records", type, "detail", id] as const,
  summaries: (type: RecordType) => ["records", type, "summary"] as const,
  summary: (type: RecordType, id: string) => ["records", type, "summary", id] as const,
  timelines: (type: RecordType) => ["records", type, "timeline"] as const,
  timeline: (type: RecordType, id: string, types: string[]) => ["records", type, "timeline", id, types] as const,
  documentLists: (type: RecordType) => ["records", type, "documents"] as const,
  documents: (type: RecordType, id: string) => ["records", type, "documents", id] as const,
  peopleOfCompanies: ["records", "company", "people"] as const,
  peopleOfCompany: (id: string) => ["records", "company", "people", id] as const,
  options: (type: RecordType, q: string) => ["records", type, "options", q] as const,
};

export type ContactPatch = BodyOf<typeof contactEndpoints.update>;
export type CompanyPatch = BodyOf<typeof companyEndpoints.update>;
/** A change to a person or a company; the server rejects keys the object does not have. */
export type RecordPatch = ContactPatch & CompanyPatch;
export type RecordCreate = BodyOf<typeof contactEndpoints.create> | BodyOf<typeof companyEndpoints.create>;
export type BulkBody = BodyOf<typeof contactEndpoints.bulk>;
type Page = { items: CustomerRecord[]; nextCursor: string | null };

export function useRecordFields(type: RecordType) {
  return useQuery({
    queryKey: recordKeys.fields(type),
    queryFn: async ({ signal }): Promise<FieldInfo[]> => {
      const result =
        type === "contact" ? await apiCall(contactEndpoints.fields, { signal }) : await apiCall(companyEndpoints.fields, { signal });
      return result.items;
    },
    staleTime: 5 * 60_000,
  });
}

/** A list a page at a time; `query` is the full list request without the cursor. */
export function useRecordList(type: RecordType, query: Record<string, unknown>, options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: recordKeys.list(type, query),
    queryFn: async ({ pageParam, signal }): Promise<Page> => {
      // The first page comes fast; later ones (scrolling on) in bigger steps.
      const q = { ...query, cursor: pageParam, ...(pageParam ? { limit: 200 } : {}) };
      return type === "contact"
        ? await apiCall(contactEndpoints.list, { query: q, signal })
        : await apiCall(companyEndpoints.list, { query: q, signal });
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
    meta: { notifyErrors: false },
  });
}

export function fetchRecord(type: RecordType, id: string, signal?: AbortSignal): Promise<CustomerRecord> {
  return type === "contact"
    ? apiCall(contactEndpoints.get, { params: { id }, signal })
    : apiCall(companyEndpoints.get, { params: { id }, signal });
}

export function useRecord(type: RecordType, id: string) {
  return useQuery({
    queryKey: recordKeys.detail(type, id),
    queryFn: ({ signal }) => fetchRecord(type, id, signal),
  });
}

/** Names of companies by id (for filter chips), from the same cache as their 360° pages. */
export function useCompanyNames(ids: string[]): Map<string, string> {
  const results = useQueries({
    queries: [...new Set(ids)].map((id) => ({
      queryKey: recordKeys.detail("company", id),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchRecord("company", id, signal),
      staleTime: 5 * 60_000,
      meta: { notifyErrors: false },
    })),
  });
  return new Map(results.flatMap((r) => (r.data ? [[r.data.id, r.data.name] as const] : [])));
}

export function useRecordSummary(type: RecordType, id: string) {
  return useQuery({
    queryKey: recordKeys.summary(type, id),
    queryFn: ({ signal }) =>
      type === "contact"
        ? apiCall(contactEndpoints.summary, { params: { id }, signal })
        : apiCall(companyEndpoints.summary, { params: { id }, signal }),
    meta: { notifyErrors: false },
  });
}

/** After a change to records of a type: its lists, and what shows them elsewhere (a company's people). */
export function invalidateRecordLists(queryClient: QueryClient, type: RecordType) {
  void queryClient.invalidateQueries({ queryKey: recordKeys.lists(type) });
  void queryClient.invalidateQueries({ queryKey: ["records", type, "options"] });
  if (type === "contact") {
    void queryClient.invalidateQueries({ queryKey: recordKeys.peopleOfCompanies });
    void queryClient.invalidateQueries({ queryKey: recordKeys.lists("company") });
  }
}

export function useUpdateRecord(type: RecordType, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordPatch): Promise<CustomerRecord> =>
      type === "contact"
        ? apiCall(contactEndpoints.update, { params: { id }, body })
        : apiCall(companyEndpoints.update, { params: { id }, body }),
    onSuccess: (record) => {
      queryClient.setQueryData(recordKeys.detail(type, id), record);
      invalidateRecordLists(queryClient, type);
    },
  });
}

export function useCreateRecord(type: RecordType) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordCreate): Promise<CustomerRecord> =>
      type === "contact"
        ? apiCall(contactEndpoints.create, { body: body as BodyOf<typeof contactEndpoints.create> })
        : apiCall(companyEndpoints.create, { body: body as BodyOf<typeof companyEndpoints.create> }),
    onSuccess: (record) => {
      queryClient.setQueryData(recordKeys.detail(type, record.id), record);
      invalidateRecordLists(queryClient, type);
    },
  });
}

/** The bulk endpoint takes at most 1000 ids; more are sent in batches. Resolves to the number changed. */
export function useBulkAction(type: RecordType) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: BulkBody): Promise<number> => {
      let affected = 0;
      for (const ids of chunk(body.ids, 1000)) {
        const part = { ...body, ids } as BulkBody;
        const result =
          type === "contact" ? await apiCall(contactEndpoints.bulk, { body: part }) : await apiCall(companyEndpoints.bulk, { body: part });
        affected += result.affected;
      }
      return affected;
    },
    onSettled: () => {
      invalidateRecordLists(queryClient, type);
      void queryClient.invalidateQueries({ queryKey: recordKeys.details(type) });
    },
  });
}

export function useTrashRecord(type: RecordType, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      type === "contact" ? apiCall(contactEndpoints.remove, { params: { id } }) : apiCall(companyEndpoints.remove, { params: { id } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: recordKeys.detail(type, id) });
      invalidateRecordLists(queryClient, type);
    },
  });
}

export function useRestoreRecord(type: RecordType, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (): Promise<CustomerRecord> =>
      type === "contact" ? apiCall(contactEndpoints.restore, { params: { id } }) : apiCall(companyEndpoints.restore, { params: { id } }),
    onSuccess: (record) => {
      queryClient.setQueryData(recordKeys.detail(type, id), record);
      invalidateRecordLists(queryClient, type);
    },
  });
}

export function useCompanyPeople(companyId: string) {
  return useInfiniteQuery({
    queryKey: recordKeys.peopleOfCompany(companyId),
    queryFn: ({ pageParam, signal }) =>
      apiCall(companyEndpoints.people, { params: { id: companyId }, query: { limit: 50, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    meta: { notifyErrors: false },
  });
}

/** Companies matching a search, for pickers (company of a person, company filter). */
export function useCompanyOptions(q: string) {
  const search = q.trim();
  return useQuery({
    queryKey: recordKeys.options("company", search),
    queryFn: async ({ signal }): Promise<Company[]> => {
      const page = await apiCall(companyEndpoints.list, { query: { limit: 20, ...(search ? { q: search } : {}) }, signal });
      return page.items;
    },
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    meta: { notifyErrors: false },
  });
}

/** People matching a search, for pickers. */
export function usePersonOptions(q: string) {
  const search = q.trim();
  return useQuery({
    queryKey: recordKeys.options("contact", search),
    queryFn: async ({ signal }): Promise<Contact[]> => {
      const page = await apiCall(contactEndpoints.list, { query: { limit: 20, ...(search ? { q: search } : {}) }, signal });
      return page.items;
    },
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    meta: { notifyErrors: false },
  });
}
