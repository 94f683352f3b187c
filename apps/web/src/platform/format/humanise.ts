/** "api_key.revoked" → "Api key revoked": a readable fallback for identifiers without a label. */
export function humanise(identifier: string): string {
  const words = identifier.replace(/[._-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
