import { ProblemError } from "../../platform/http/problem.js";

/** Problems particular to identity resolution. */
export const markedDistinct = () =>
  new ProblemError(409, "marked_distinct", "These two people were marked as different people; they are never merged.");
export const sameRecord = () => new ProblemError(400, "same_record", "A person cannot be merged into themselves.");
export const mergeAlreadyUndone = () => new ProblemError(409, "merge_undone", "This merge was already undone.");
export const laterMergeFirst = () =>
  new ProblemError(409, "later_merge", "A later merge involves one of these people; undo that one first.");
export const mergeNotRestorable = () =>
  new ProblemError(409, "merge_not_restorable", "One of the two people changed state since the merge (restored or erased).");
export const unknownMergeField = (fields: string[]) =>
  new ProblemError(400, "validation_failed", "The request is not valid.", {
    errors: fields.map((f) => ({ path: `body.fields.${f}`, message: "not a field that merges choose" })),
  });
export const externalIdTaken = () =>
  new ProblemError(409, "identity_taken", "Another person already holds this external id; merge the two instead.");
export const scanRunning = () => new ProblemError(409, "scan_running", "A duplicate scan is already running.");
