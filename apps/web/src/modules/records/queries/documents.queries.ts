import { companyEndpoints, contactEndpoints, documentEndpoints } from "@rapport/contract";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { apiCall } from "../../../platform/api/api-client";
import { uploadDocument } from "../documents/upload";
import type { RecordType } from "../record-types";
import { recordKeys } from "./records.queries";

export function useDocuments(type: RecordType, id: string) {
  return useInfiniteQuery({
    queryKey: recordKeys.documents(type, id),
    queryFn: ({ pageParam, signal }) => {
      const query = { limit: 50, cursor: pageParam };
      return type === "contact"
        ? apiCall(contactEndpoints.documents, { params: { id }, query, signal })
        : apiCall(companyEndpoints.documents, { params: { id }, query, signal });
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    meta: { notifyErrors: false },
  });
}

function useInvalidateDocuments(type: RecordType, id: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: recordKeys.documents(type, id) });
    void queryClient.invalidateQueries({ queryKey: recordKeys.summary(type, id) });
  };
}

export function useUploadDocument(type: RecordType, id: string) {
  const invalidate = useInvalidateDocuments(type, id);
  return useMutation({
    mutationFn: ({ file, onProgress, signal }: { file: File; onProgress: (fraction: number) => void; signal: AbortSignal }) =>
      uploadDocument(type, id, file, { onProgress, signal }),
    onSuccess: invalidate,
    meta: { notifyErrors: false },
  });
}

export function useDeleteDocument(type: RecordType, id: string) {
  const invalidate = useInvalidateDocuments(type, id);
  return useMutation({
    mutationFn: (documentId: string) => apiCall(documentEndpoints.remove, { params: { id: documentId } }),
    onSuccess: invalidate,
  });
}
