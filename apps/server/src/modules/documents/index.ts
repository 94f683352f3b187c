/** Documents: files attached to people and companies, typed by their bytes, served as attachments. */
export { MAX_UPLOAD_BYTES } from "./commands/save-document.js";
export { documentMergeParticipant } from "./documents.merge.js";
export { documentEventRule } from "./documents.policy.js";
export { registerDocumentRoutes } from "./documents.routes.js";
export { documentSummary } from "./documents.summary.js";
