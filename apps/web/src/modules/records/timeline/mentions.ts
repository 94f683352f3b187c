/**
 * Mentions in interaction bodies are stored as `@[Name](user:<uuid>)` (the server's markup,
 * see apps/server/src/modules/interactions/interaction.rules.ts). The composer shows "@Name"
 * while typing and writes the markup on submit; the timeline renders it back as a
 * highlighted "@Name" — always as text, never as HTML.
 */
export type Mention = { name: string; userId: string };
export type BodySegment = { kind: "text"; text: string } | { kind: "mention"; name: string; userId: string };

const MENTION = /@\[([^\]\r\n]{1,200})\]\(user:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/gi;

export function parseBody(body: string): BodySegment[] {
  const segments: BodySegment[] = [];
  let at = 0;
  for (const match of body.matchAll(MENTION)) {
    const index = match.index ?? 0;
    if (index > at) segments.push({ kind: "text", text: body.slice(at, index) });
    segments.push({ kind: "mention", name: match[1] ?? "", userId: (match[2] ?? "").toLowerCase() });
    at = index + match[0].length;
  }
  if (at < body.length) segments.push({ kind: "text", text: body.slice(at) });
  return segments;
}

/** The body as plain text ("@Name"), e.g. for a one-line preview. */
export function plainBody(body: string): string {
  return parseBody(body)
    .map((s) => (s.kind === "mention" ? `@${s.name}` : s.text))
    .join("");
}

export function mentionMarkup(name: string, userId: string): string {
  return `@[${name.replace(/[[\]\r\n]/g, " ").trim() || "user"}](user:${userId})`;
}

const WORD = /[\p{L}\p{N}_]/u;

/**
 * The mention being typed just before the caret ("Call @sa|" → { start: 5, query: "sa" }), or
 * null. The "@" must start a word; the query may contain one space ("@Sam Ri") but no line break.
 */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf("@");
  if (at < 0) return null;
  if (at > 0 && WORD.test(before[at - 1] ?? "")) return null;
  const query = before.slice(at + 1);
  if (query.length > 40 || /[\r\n@]/.test(query) || (query.match(/ /g)?.length ?? 0) > 1 || query.startsWith(" ")) return null;
  return { start: at, query };
}

/** Replaces the "@query" being typed with "@Name " and says where the caret goes. */
export function insertMention(text: string, start: number, caret: number, name: string): { text: string; caret: number } {
  const inserted = `@${name} `;
  const rest = text.slice(caret).replace(/^ /, "");
  return { text: text.slice(0, start) + inserted + rest, caret: start + inserted.length };
}

/**
 * Turns every "@Name" of a picked user into the markup. Longer names win ("@Sam Rivera" over
 * "@Sam"); a name followed by a letter is not a mention ("@Samuel" is not "@Sam").
 */
export function toMarkup(text: string, mentions: readonly Mention[]): string {
  const byLength = [...mentions].sort((a, b) => b.name.length - a.name.length);
  let out = "";
  let i = 0;
  while (i < text.length) {
    if (text[i] === "@" && (i === 0 || !WORD.test(text[i - 1] ?? ""))) {
      const hit = byLength.find((m) => text.startsWith(m.name, i + 1) && !WORD.test(text[i + 1 + m.name.length] ?? ""));
      if (hit) {
        out += mentionMarkup(hit.name, hit.userId);
        i += 1 + hit.name.length;
        continue;
      }
    }
    out += text[i];
    i += 1;
  }
  return out;
}
