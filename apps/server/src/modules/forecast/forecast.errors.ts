import { badRequest, conflict } from "../../platform/http/problem.js";

export const invalidPeriod = () =>
  badRequest("validation_failed", "The request is not valid.", [{ path: "query.period", message: "not a month or quarter" }]);
export const invalidTimeZone = () =>
  badRequest("validation_failed", "The request is not valid.", [{ path: "body.timeZone", message: "not a known IANA time zone" }]);
export const unknownTarget = (path: string) =>
  badRequest("validation_failed", "The request is not valid.", [{ path, message: "no such user or team" }]);
export const quotaExists = () => conflict("quota_exists", "This rep or team already has a target for this period and currency.");
export const invalidCursor = () =>
  badRequest("validation_failed", "The request is not valid.", [{ path: "query.cursor", message: "not a cursor of this list" }]);
