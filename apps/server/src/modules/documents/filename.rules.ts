/**
 * File names are labels: kept for display and downloads, never used as a path. What is kept
 * is the last path segment, without control or bidi-override characters, at most 255 long.
 */
export function safeFilename(name: string | undefined): string {
  const last = (name ?? "").split(/[/\\]/).pop() ?? "";
  const clean = last
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return [...clean].slice(0, 255).join("") || "file";
}

/** `Content-Disposition` of a download: always an attachment, the name in RFC 6266 / 5987 form. */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
