import { TypographyStylesProvider } from "@mantine/core";
import DOMPurify from "dompurify";
import { useMemo } from "react";
import classes from "./GuidanceView.module.css";

const ALLOWED_TAGS = [
  "p",
  "br",
  "strong",
  "b",
  "em",
  "i",
  "u",
  "s",
  "code",
  "pre",
  "blockquote",
  "ul",
  "ol",
  "li",
  "h2",
  "h3",
  "h4",
  "a",
  "hr",
];

/**
 * Guidance as formatted text. The server stores it sanitised; it is sanitised again here
 * (DOMPurify, the same allow-list) before it reaches the DOM, so no stored or cached value
 * can inject markup beyond formatting.
 */
export function GuidanceView({ html }: { html: string }) {
  const clean = useMemo(() => DOMPurify.sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR: ["href", "rel", "target"] }), [html]);
  if (!clean) return null;
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by DOMPurify just above.
  return <TypographyStylesProvider fz="sm" className={classes.guidance} dangerouslySetInnerHTML={{ __html: clean }} />;
}
