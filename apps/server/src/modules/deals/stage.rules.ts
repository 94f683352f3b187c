import type { DealStatus, StageKind } from "@rapport/contract";

/** A new pipeline without stages given gets these (the classic B2B funnel). */
export const DEFAULT_STAGES: { name: string; probability: number; rottingDays: number | null; kind: StageKind }[] = [
  { name: "Qualification", probability: 10, rottingDays: 30, kind: "open" },
  { name: "Needs analysis", probability: 25, rottingDays: 30, kind: "open" },
  { name: "Proposal", probability: 50, rottingDays: 21, kind: "open" },
  { name: "Negotiation", probability: 75, rottingDays: 14, kind: "open" },
  { name: "Won", probability: 100, rottingDays: null, kind: "won" },
  { name: "Lost", probability: 0, rottingDays: null, kind: "lost" },
];

/** A deal's status follows the kind of the stage it is in. */
export const statusOfStage = (kind: StageKind): DealStatus => kind;

/** Won and lost stages never rot; an open deal rots `rottingDays` after entering its stage. */
export function rotsAt(kind: StageKind, rottingDays: number | null, enteredAt: Date): Date | null {
  if (kind !== "open" || rottingDays === null) return null;
  return new Date(enteredAt.getTime() + rottingDays * 86_400_000);
}

export function isRotting(status: DealStatus, rotsAtValue: Date | string | null, now: Date): boolean {
  return status === "open" && rotsAtValue !== null && new Date(rotsAtValue).getTime() <= now.getTime();
}

/** Whole days since the deal entered its stage. */
export function daysSince(enteredAt: Date | string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - new Date(enteredAt).getTime()) / 86_400_000));
}

/** A pipeline needs at least one open stage for deals to start in. */
export function hasOpenStage(kinds: StageKind[]): boolean {
  return kinds.includes("open");
}

/** The new order must name every stage of the pipeline exactly once. */
export function isSameSet(current: string[], proposed: string[]): boolean {
  const a = new Set(current.map((x) => x.toLowerCase()));
  const b = new Set(proposed.map((x) => x.toLowerCase()));
  return a.size === b.size && proposed.length === b.size && [...a].every((x) => b.has(x));
}

/**
 * The rank of a card placed between two neighbours of a column (ranks ascending). With no
 * neighbour above it goes before the first; with none below, after the last.
 */
export function rankBetween(above: number | null, below: number | null): number {
  if (above === null && below === null) return 0;
  if (above === null) return (below as number) - 1024;
  if (below === null) return above + 1024;
  return (above + below) / 2;
}

/** Fractional ranks run out of precision after ~50 halvings at one spot: then renumber. */
export function needsRenumber(rank: number, above: number | null, below: number | null): boolean {
  return (above !== null && rank <= above) || (below !== null && rank >= below);
}
