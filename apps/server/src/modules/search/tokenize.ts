/**
 * Folding and tokenising for the search index. The same functions fold the indexed values
 * and the queries, so accents, case and punctuation never prevent a match.
 */
const SPECIAL: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i" };

export function foldChar(ch: string): string {
  // ASCII folds to its lower case: skip the normalisation (most indexed text is ASCII).
  if (ch.length === 1 && ch.charCodeAt(0) < 128) return ch.toLowerCase();
  const lower = ch.toLowerCase();
  const special = SPECIAL[lower];
  if (special) return special;
  return lower.normalize("NFKD").replace(/\p{M}/gu, "");
}

export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 128) return false;
  return true;
}

export function fold(text: string): string {
  // ASCII folds to its lower case (most indexed text): no per-character folding.
  if (isAscii(text)) return text.toLowerCase();
  let out = "";
  for (const ch of text) out += foldChar(ch);
  return out;
}

/** Words of a folded text: runs of letters and digits. */
export function words(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Name, email, phone, domain, tag, other text; word pairs and long records' words (word-pairs.ts). */
export type TokenField = "n" | "e" | "p" | "d" | "t" | "x" | "w" | "l";
export type Token = { token: string; field: TokenField };

const MAX_TOKEN = 100;

export function nameTokens(...parts: (string | null | undefined)[]): Token[] {
  return parts.flatMap((p) => (p ? words(p) : [])).map((token) => ({ token, field: "n" as const }));
}

/** An email is findable whole, by the words of its local part, and by its domain. */
export function emailTokens(email: string): Token[] {
  const e = fold(email.trim());
  const at = e.lastIndexOf("@");
  if (at < 1) return [];
  const domain = e.slice(at + 1);
  return [
    { token: e, field: "e" },
    ...(e.slice(0, at).match(/[\p{L}\p{N}]+/gu) ?? []).map((token) => ({ token, field: "e" as const })),
    { token: domain, field: "d" },
  ];
}

/** Phones in E.164 are findable by all their digits and by the national number. */
export function phoneTokens(e164: string, nationalNumber?: string): Token[] {
  const digits = e164.replace(/\D/g, "");
  const out: Token[] = digits ? [{ token: digits, field: "p" }] : [];
  const national = nationalNumber?.replace(/\D/g, "");
  if (national && national !== digits) out.push({ token: national, field: "p" });
  return out;
}

export function domainTokens(domain: string): Token[] {
  const d = fold(domain.trim());
  if (!d) return [];
  const label = d.split(".")[0];
  return [{ token: d, field: "d" }, ...(label && label !== d ? [{ token: label, field: "d" as const }] : [])];
}

export function tagTokens(tags: string[]): Token[] {
  return tags.flatMap((t) => [
    { token: fold(t.trim()), field: "t" as const },
    ...words(t).map((token) => ({ token, field: "t" as const })),
  ]);
}

export function textTokens(text: string): Token[] {
  return words(text)
    .slice(0, 200)
    .map((token) => ({ token, field: "x" as const }));
}

/** Deduplicated, non-empty, bounded tokens. */
export function uniqueTokens(tokens: Token[]): Token[] {
  const seen = new Set<string>();
  const out: Token[] = [];
  for (const t of tokens) {
    const token = t.token.slice(0, MAX_TOKEN);
    const key = `${t.field}:${token}`;
    if (!token || seen.has(key)) continue;
    seen.add(key);
    out.push({ token, field: t.field });
  }
  return out;
}
