/** What people and companies share: bulk actions, tags, visibility SQL, and the 360° extension point. */
export { bulkRecords, normaliseTags, type RecordKind } from "./bulk-records.js";
export { gatedPage } from "./gated-page.js";
export { type MergeParticipant, MergeParticipants } from "./merge-participants.js";
export { RecordExtensions, type RecordRef, type SummaryContributor } from "./record-extensions.js";
export {
  anyRecordVisible,
  ENTITY_CODE,
  linkedRecordVisible,
  ownerVisible,
  RECORD_TYPE,
  type RecordType,
  recordVisible,
  setLastInteraction,
  visibleRecords,
} from "./record-sql.js";
export { registerRecordTrashRoutes } from "./record-trash.routes.js";
