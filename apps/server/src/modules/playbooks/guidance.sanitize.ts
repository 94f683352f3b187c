import sanitizeHtml from "sanitize-html";

/**
 * Guidance is rich text from the editor (HTML). It is sanitised on the way in with an
 * allow-list, so what is stored, served and exported can only format text: no scripts,
 * styles, event handlers, images or frames; links only to http(s) and mailto, opened
 * without giving the target page a handle on ours.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "strong", "b", "em", "i", "u", "s", "code", "pre", "blockquote", "ul", "ol", "li", "h2", "h3", "h4", "a", "hr"],
  // rel and target are set by the transform below, whatever the input said.
  allowedAttributes: { a: ["href", "rel", "target"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow", target: "_blank" }),
  },
};

export function sanitizeGuidance(html: string): string {
  const clean = sanitizeHtml(html, OPTIONS).trim();
  // An editor's empty document ("<p></p>") is no guidance.
  return clean.replace(/<p>\s*(<br \/>)?\s*<\/p>/g, "").trim() === "" ? "" : clean;
}
