import { type DocumentInfo, documentSchema, problemSchema } from "@rapport/contract";
import { apiTexts } from "../../../platform/api/api.texts";
import { ApiError } from "../../../platform/api/api-error";
import { randomUuid } from "../../../platform/api/random-uuid";
import { parseRetryAfter } from "../../../platform/api/retry-after";
import type { RecordType } from "../record-types";

/**
 * Document bytes go as multipart/form-data and come back as a file, so these two routes are
 * not JSON contract endpoints; their paths live here, once.
 */
const UPLOAD_PATH: Record<RecordType, string> = {
  contact: "/api/v1/contacts/{id}/documents",
  company: "/api/v1/companies/{id}/documents",
};

export function documentDownloadUrl(documentId: string): string {
  return `/api/v1/documents/${encodeURIComponent(documentId)}/download`;
}

/** The server refuses larger files (413); checking first saves uploading them. */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/**
 * Uploads one file (form field `file`) and reports progress from 0 to 1. XMLHttpRequest rather
 * than fetch because only it reports upload progress; the headers are the API client's
 * (`X-Requested-With` for CSRF, an `Idempotency-Key` so a retried upload is stored once).
 */
export function uploadDocument(
  type: RecordType,
  recordId: string,
  file: File,
  options: { onProgress?: (fraction: number) => void; signal?: AbortSignal; idempotencyKey?: string } = {},
): Promise<DocumentInfo> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", UPLOAD_PATH[type].replace("{id}", encodeURIComponent(recordId)));
    xhr.setRequestHeader("Accept", "application/json, application/problem+json");
    xhr.setRequestHeader("X-Requested-With", "rapport");
    xhr.setRequestHeader("Idempotency-Key", options.idempotencyKey ?? randomUuid());
    xhr.responseType = "text";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      const json = safeJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        const parsed = documentSchema.safeParse(json);
        if (parsed.success) resolve(parsed.data);
        else reject(new ApiError({ status: xhr.status, code: "invalid_response", title: apiTexts.invalidResponse }));
        return;
      }
      const problem = problemSchema.safeParse(json);
      const retryAfter = parseRetryAfter(xhr.getResponseHeader("Retry-After"));
      reject(
        problem.success
          ? ApiError.fromProblem(problem.data, retryAfter)
          : new ApiError({
              status: xhr.status,
              code: `http_${xhr.status}`,
              title: xhr.statusText || apiTexts.unexpectedStatus(xhr.status),
            }),
      );
    };
    xhr.onerror = () => reject(new ApiError({ status: 0, code: "network_error", title: apiTexts.networkError }));
    xhr.onabort = () => reject(new DOMException("The upload was cancelled.", "AbortError"));
    options.signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append("file", file, file.name);
    xhr.send(form);
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
