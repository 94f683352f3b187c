/**
 * Throttling of failed sign-ins, per account and per address. Pure rules; the state lives in
 * the sign_in_throttle table so every server copy shares it.
 *
 * An account gets 5 free failures per 15 minutes, then is locked for 30 s, doubling with
 * each further failure up to 15 minutes. An address gets 30 failures before the same.
 */
export type ThrottleState = { failures: number; windowStartedAt: Date; lockedUntil: Date | null };

export const WINDOW_MS = 15 * 60_000;
const MAX_LOCK_MS = 15 * 60_000;

export function freeFailures(kind: "account" | "ip"): number {
  return kind === "account" ? 5 : 30;
}

export function isLocked(state: ThrottleState | undefined, now: Date): number {
  if (!state?.lockedUntil) return 0;
  return Math.max(0, state.lockedUntil.getTime() - now.getTime());
}

export function afterFailure(state: ThrottleState | undefined, now: Date, free: number): ThrottleState {
  const fresh = !state || now.getTime() - state.windowStartedAt.getTime() > WINDOW_MS;
  const failures = fresh ? 1 : state.failures + 1;
  const windowStartedAt = fresh ? now : state.windowStartedAt;
  const over = failures - free;
  const lockedUntil = over > 0 ? new Date(now.getTime() + Math.min(MAX_LOCK_MS, 30_000 * 2 ** (over - 1))) : null;
  return { failures, windowStartedAt, lockedUntil };
}
