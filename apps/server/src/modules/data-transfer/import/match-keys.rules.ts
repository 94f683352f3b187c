import type { ImportValues } from "./row-values.rules.js";

/** What rows of an import of people are matched by, with each other and with existing people. */
export type MatchBy = "email" | "phone" | "externalId";

/**
 * Pure: the keys a row is matched by — its normalised emails, its phones, or its external id
 * (`system:id` as the identity is stored). Two rows sharing a key are one person.
 */
export function matchKeys(matchBy: MatchBy, v: Pick<ImportValues, "emails" | "phones" | "identities">): string[] {
  if (matchBy === "email") return v.emails;
  if (matchBy === "phone") return v.phones;
  return v.identities.filter((i) => i.kind === "external_id").map((i) => i.value);
}

/**
 * Pure: which person each key finds among existing people. `holders` pairs keys with the
 * people holding them; `people` are the candidates the importer may update, oldest first.
 * A key held by several people finds the oldest (the others are duplicates to merge).
 */
export function matchedPeople<P extends { id: string }>(holders: [string, string][], people: P[]): Map<string, P> {
  const rank = new Map(people.map((p, i) => [p.id, i]));
  const byId = new Map(people.map((p) => [p.id, p]));
  const out = new Map<string, P>();
  for (const [key, id] of holders) {
    const person = byId.get(id);
    if (!person) continue;
    const current = out.get(key);
    if (!current || (rank.get(id) ?? 0) < (rank.get(current.id) ?? 0)) out.set(key, person);
  }
  return out;
}

/** Pure: whether an import of people can match by `matchBy` with this mapping (an external id needs its column). */
export function matchColumnMissing(matchBy: MatchBy, mapping: (string | null)[]): boolean {
  return matchBy === "externalId" && !mapping.includes("externalId");
}
