import { describe, expect, it } from "vitest";
import { sanitizeGuidance } from "./guidance.sanitize.js";

describe("sanitizeGuidance", () => {
  it("keeps formatting", () => {
    expect(sanitizeGuidance("<h3>Goal</h3><p>Ask <strong>why now</strong></p><ul><li>budget</li></ul>")).toBe(
      "<h3>Goal</h3><p>Ask <strong>why now</strong></p><ul><li>budget</li></ul>",
    );
  });

  it("drops scripts, event handlers, styles and images", () => {
    const out = sanitizeGuidance(
      `<p onclick="x()" style="color:red">Hi<script>alert(1)</script><img src=x onerror=alert(1)></p><style>p{}</style>`,
    );
    expect(out).toBe("<p>Hi</p>");
  });

  it("keeps http links, marks them noopener and drops javascript: URLs", () => {
    expect(sanitizeGuidance('<a href="https://example.com/x">doc</a>')).toBe(
      '<a href="https://example.com/x" rel="noopener noreferrer nofollow" target="_blank">doc</a>',
    );
    expect(sanitizeGuidance('<a href="javascript:alert(1)">x</a>')).not.toContain("javascript");
  });

  it("treats an empty editor document as no guidance", () => {
    expect(sanitizeGuidance("<p></p>")).toBe("");
    expect(sanitizeGuidance("  ")).toBe("");
  });
});

describe("sanitizeGuidance on links", () => {
  it("overrides a given target and rel", () => {
    const out = sanitizeGuidance('<a href="https://e.com" target="_self" rel="opener">x</a>');
    expect(out).toContain('target="_blank"');
    expect(out).toContain('rel="noopener noreferrer nofollow"');
    expect(out).not.toContain("_self");
  });
});
