/** Where the merge screen of two people opens (the pair id lets it return to the queue). */
export function mergePath(survivorId: string, mergedId: string, pairId?: string): string {
  const q = new URLSearchParams({ survivor: survivorId, merged: mergedId, ...(pairId ? { pair: pairId } : {}) });
  return `/duplicates/merge?${q}`;
}
