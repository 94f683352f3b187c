import { type InteractionType, interactionTypes } from "@rapport/contract";

/**
 * Mentions in an interaction's body are written `@[Name](user:<uuid>)`: the web composer
 * inserts that markup when a user is picked, and renders it back as "@Name". The name is
 * only a label for readers of the raw text; the id decides who is mentioned.
 */
const MENTION = /@\[([^\]\r\n]{1,200})\]\(user:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/gi;

/** The users mentioned in a body, each once, in order of first mention (ids lower-cased). */
export function parseMentions(body: string | null | undefined): string[] {
  if (!body) return [];
  const ids: string[] = [];
  for (const m of body.matchAll(MENTION)) {
    const id = (m[2] as string).toLowerCase();
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** The markup of one mention; brackets and line breaks in the name would end it early. */
export function mentionMarkup(name: string, userId: string): string {
  return `@[${name.replace(/[[\]\r\n]/g, " ").trim() || "user"}](user:${userId})`;
}

/** `types=call,meeting` of timelines: known types only, else the unknown ones as an error. */
export function parseTypes(types: string | undefined): { types: InteractionType[] | undefined; unknown: string[] } {
  if (types === undefined || types.trim() === "") return { types: undefined, unknown: [] };
  const list = [
    ...new Set(
      types
        .split(",")
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
  const known = new Set<string>(interactionTypes);
  return { types: list.filter((t): t is InteractionType => known.has(t)), unknown: list.filter((t) => !known.has(t)) };
}
