/**
 * Pure: the identities a row of an import gives a person besides its fields — an external id
 * ("system:id", e.g. a vCard's UID) and social handles ("network:handle") — written as the
 * identity API writes them (system and network lower-cased, handles lower-cased).
 */
export type ImportedIdentity = { kind: "external_id" | "social"; value: string };

const SYSTEM_ID = /^([A-Za-z0-9_.-]{1,50}):(\S.*)$/;
const MAX_VALUE = 500;

/** Profile URLs of social sites: host → network, and the path part that is the handle. */
const SITES: { host: RegExp; network: string; handle: RegExp }[] = [
  { host: /(^|\.)linkedin\.com$/, network: "linkedin", handle: /^\/(?:in|pub)\/([^/?#]+)/ },
  { host: /(^|\.)(twitter|x)\.com$/, network: "x", handle: /^\/@?([A-Za-z0-9_]{1,15})\/?$/ },
  { host: /(^|\.)facebook\.com$/, network: "facebook", handle: /^\/([A-Za-z0-9.]{3,})\/?$/ },
  { host: /(^|\.)instagram\.com$/, network: "instagram", handle: /^\/([A-Za-z0-9_.]{1,30})\/?$/ },
  { host: /(^|\.)github\.com$/, network: "github", handle: /^\/([A-Za-z0-9-]{1,39})\/?$/ },
  { host: /(^|\.)youtube\.com$/, network: "youtube", handle: /^\/@([A-Za-z0-9_.-]{3,30})\/?$/ },
  { host: /(^|\.)tiktok\.com$/, network: "tiktok", handle: /^\/@([A-Za-z0-9_.]{2,24})\/?$/ },
];
/** Networks as vCard TYPE parameters and CRMs name them, as Rapport's social fields name them. */
const NETWORK_ALIASES: Record<string, string> = { twitter: "x", "x-twitter": "x", fb: "facebook" };

const network = (name: string) => {
  const n = name.toLowerCase().replace(/^x-(?!twitter)/, "");
  return NETWORK_ALIASES[n] ?? n;
};

/** "https://www.linkedin.com/in/Ana-Souza/" → "linkedin:ana-souza"; null for other sites and non-URLs. */
export function socialFromUrl(text: string): string | null {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  const host = url.hostname.toLowerCase();
  for (const site of SITES) {
    if (!site.host.test(host)) continue;
    const handle = site.handle.exec(url.pathname)?.[1];
    return handle ? `${site.network}:${decodeURIComponent(handle).toLowerCase()}` : null;
  }
  return null;
}

/**
 * One social profile as written in a file: a profile URL, "network:handle", or a bare handle
 * when the network is known from elsewhere (a vCard TYPE parameter). Null when it is none.
 */
export function socialIdentity(text: string, networkHint?: string): string | null {
  const t = text.trim();
  if (!t) return null;
  const fromUrl = socialFromUrl(t);
  if (fromUrl) return fromUrl;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(t) || /^(www\.)?[a-z0-9-]+\.[a-z]{2,}\//i.test(t)) return null;
  const m = SYSTEM_ID.exec(t);
  if (m?.[1] && m[2] && !/\s/.test(m[2])) return `${network(m[1])}:${m[2].replace(/^@/, "").toLowerCase()}`;
  if (networkHint && /^@?[^\s:/]+$/.test(t)) return `${network(networkHint)}:${t.replace(/^@/, "").toLowerCase()}`;
  return null;
}

/** An external id cell: "system:id" as given (system lower-cased); a bare id is the file's own ("import:id"). */
export function externalIdentity(text: string): string {
  const t = text.trim();
  const m = SYSTEM_ID.exec(t);
  return m?.[1] && m[2] ? `${m[1].toLowerCase()}:${m[2]}` : `import:${t}`;
}

/** The identities of a row's externalId and social cells, and what is wrong with them. */
export function readIdentityCells(cells: { target: "externalId" | "social"; value: string; column: string }[]): {
  identities: ImportedIdentity[];
  errors: { column: string; reason: string }[];
} {
  const identities: ImportedIdentity[] = [];
  const errors: { column: string; reason: string }[] = [];
  for (const cell of cells) {
    if (cell.target === "externalId") {
      const value = externalIdentity(cell.value);
      if (value.length > MAX_VALUE) errors.push({ column: cell.column, reason: `at most ${MAX_VALUE} characters` });
      else identities.push({ kind: "external_id", value });
      continue;
    }
    const value = socialIdentity(cell.value);
    if (!value) errors.push({ column: cell.column, reason: "not a social profile (a profile URL or network:handle)" });
    else if (value.length > MAX_VALUE) errors.push({ column: cell.column, reason: `at most ${MAX_VALUE} characters` });
    else identities.push({ kind: "social", value });
  }
  const seen = new Set<string>();
  return { identities: identities.filter((i) => !seen.has(`${i.kind}|${i.value}`) && seen.add(`${i.kind}|${i.value}`)), errors };
}
