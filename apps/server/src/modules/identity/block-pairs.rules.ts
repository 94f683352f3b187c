/**
 * Pure: which pairs of one block the full scan scores. The scan streams people block by
 * block (ordered by key) instead of materialising every pair; two people who share several
 * blocks (the same mailbox and the same name) must still be scored once. Each member carries
 * every block key it is in, and a pair is scored only in the block of the smallest key the
 * two share, so no set of the pairs already seen is needed, however many there are.
 */
export type BlockMember = { id: string; keys: readonly string[] };

/** The smallest key both lists hold, or undefined. Lists are a handful of keys. */
export function firstSharedKey(a: readonly string[], b: readonly string[]): string | undefined {
  let first: string | undefined;
  for (const k of a) if ((first === undefined || k < first) && b.includes(k)) first = k;
  return first;
}

/** The pairs of the block `key` to score here, each ordered (smaller id first) as candidates are stored. */
export function pairsToScore<M extends BlockMember>(key: string, members: readonly M[]): [M, M][] {
  const pairs: [M, M][] = [];
  for (let i = 0; i < members.length; i++) {
    const a = members[i] as M;
    for (let j = i + 1; j < members.length; j++) {
      const b = members[j] as M;
      if (a.id === b.id || firstSharedKey(a.keys, b.keys) !== key) continue;
      pairs.push(a.id < b.id ? [a, b] : [b, a]);
    }
  }
  return pairs;
}
