import type { RawBuilder } from "kysely";
import { ProblemError } from "../http/problem.js";

/**
 * The re-verification of a credential this server copy remembers, folded into the request's
 * own statement instead of a lookup round trip of its own (decision 0024).
 *
 * SECURITY.md: a revoked API key fails on the very next request. A remembered key is
 * therefore never trusted on memory alone: `stillValid` is a SQL condition on the key's row
 * that the request's statement evaluates in the same snapshot as the data it reads, and the
 * statement returns no data unless it holds. A route that does not evaluate it gets the full
 * lookup before its answer is sent (`route`), so forgetting the check costs a round trip,
 * never the guarantee.
 */
export class CredentialCheck {
  verified = false;

  constructor(
    readonly stillValid: RawBuilder<boolean>,
    private readonly forget: () => void,
  ) {}

  /** Called with the statement's answer to `stillValid`; throws 401 when it no longer holds. */
  settle(valid: boolean): void {
    if (valid) {
      this.verified = true;
      return;
    }
    this.forget();
    throw new ProblemError(401, "invalid_api_key", "The API key is unknown or revoked.");
  }
}
