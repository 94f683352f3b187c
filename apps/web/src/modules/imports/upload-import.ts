import { type Import, importSchema, problemSchema } from "@rapport/contract";
import { apiTexts } from "../../platform/api/api.texts";
import { ApiError } from "../../platform/api/api-error";
import { randomUuid } from "../../platform/api/random-uuid";
import { parseRetryAfter } from "../../platform/api/retry-after";

/** The upload and the error report are not JSON contract endpoints; their paths live here, once. */
const UPLOAD_PATH = "/api/v1/imports";
export const errorReportUrl = (id: string) => `/api/v1/imports/${encodeURIComponent(id)}/errors.csv`;

/** The server refuses larger files (413); checking first saves uploading them. */
export const MAX_IMPORT_BYTES = 1024 * 1024 * 1024;
/** What the file picker offers; the server decides by the bytes, not the name. */
export const ACCEPTED_FILES = ".csv,.tsv,.txt,.vcf,.vcard,text/csv,text/vcard,text/plain";

/**
 * Uploads the file to import (form field `file`; people unless `objectType` says companies)
 * and reports progress from 0 to 1.
 * XMLHttpRequest because only it reports upload progress; the headers are the API client's
 * (`X-Requested-With` for CSRF, an `Idempotency-Key` so a retried upload is stored once).
 */
export function uploadImport(
  file: File,
  options: { onProgress?: (fraction: number) => void; signal?: AbortSignal; objectType?: Import["objectType"] } = {},
): Promise<Import> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", options.objectType === "company" ? `${UPLOAD_PATH}?objectType=company` : UPLOAD_PATH);
    xhr.setRequestHeader("Accept", "application/json, application/problem+json");
    xhr.setRequestHeader("X-Requested-With", "rapport");
    xhr.setRequestHeader("Idempotency-Key", randomUuid());
    xhr.responseType = "text";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      const json = safeJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        const parsed = importSchema.safeParse(json);
        if (parsed.success) resolve(parsed.data);
        else reject(new ApiError({ status: xhr.status, code: "invalid_response", title: apiTexts.invalidResponse }));
        return;
      }
      const problem = problemSchema.safeParse(json);
      reject(
        problem.success
          ? ApiError.fromProblem(problem.data, parseRetryAfter(xhr.getResponseHeader("Retry-After")))
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
