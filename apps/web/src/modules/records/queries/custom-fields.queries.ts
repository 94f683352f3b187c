import { type BodyOf, type CustomField, customFieldEndpoints } from "@rapport/contract";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiCall } from "../../../platform/api/api-client";
import type { RecordType } from "../record-types";
import { recordKeys } from "./records.queries";

export const customFieldsKey = ["custom-fields"] as const;

/** Field definitions of one object, in their order. */
export function useCustomFields(type: RecordType) {
  return useQuery({
    queryKey: [...customFieldsKey, type],
    queryFn: async ({ signal }): Promise<CustomField[]> => {
      const result = await apiCall(customFieldEndpoints.list, { query: { objectType: type }, signal });
      return [...result.items].sort((a, b) => a.position - b.position || a.label.localeCompare(b.label));
    },
    staleTime: 5 * 60_000,
  });
}

/** A definition changed: the definitions, and the fields lists offer for columns and filters. */
function useInvalidateFields() {
  const queryClient = useQueryClient();
  return (type: RecordType) => {
    void queryClient.invalidateQueries({ queryKey: customFieldsKey });
    void queryClient.invalidateQueries({ queryKey: recordKeys.fields(type) });
  };
}

export function useCreateCustomField() {
  const invalidate = useInvalidateFields();
  return useMutation({
    mutationFn: (body: BodyOf<typeof customFieldEndpoints.create>) => apiCall(customFieldEndpoints.create, { body }),
    onSuccess: (field) => invalidate(field.objectType),
  });
}

export function useUpdateCustomField() {
  const invalidate = useInvalidateFields();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: BodyOf<typeof customFieldEndpoints.update> }) =>
      apiCall(customFieldEndpoints.update, { params: { id }, body }),
    onSuccess: (field) => invalidate(field.objectType),
  });
}

export function useDeleteCustomField() {
  const invalidate = useInvalidateFields();
  return useMutation({
    mutationFn: (field: CustomField) => apiCall(customFieldEndpoints.remove, { params: { id: field.id } }),
    onSuccess: (_, field) => invalidate(field.objectType),
  });
}
