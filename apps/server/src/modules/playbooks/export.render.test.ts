import { describe, expect, it } from "vitest";
import { exportFilename, renderPlaybookHtml } from "./export.render.js";

const S1 = "0190a000-0000-7000-8000-000000000001";
const render = (over: Partial<Parameters<typeof renderPlaybookHtml>[0]> = {}) =>
  renderPlaybookHtml({
    name: "Sales",
    versionLabel: "Germany (DE)",
    stageNames: new Map([[S1, "Qualification"]]),
    stages: [
      {
        stageId: S1,
        guidance: "<p>Ask <strong>why now</strong></p>",
        guidanceOverridden: false,
        sequential: true,
        steps: [{ key: "call", title: "Discovery call", description: "Book 30 min", dueInDays: 2, origin: "global" }],
      },
    ],
    generatedAt: new Date("2026-11-29T12:00:00Z"),
    ...over,
  });

describe("renderPlaybookHtml", () => {
  it("is a complete document with inline CSS and no scripts or external resources", () => {
    const html = render();
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain("<style>");
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script|<link|src=|@import/i);
    expect(html).toContain("<h2>Qualification</h2>");
    expect(html).toContain("<ol>");
    expect(html).toContain("<strong>Discovery call</strong>");
    expect(html).toContain("after 2 days");
    expect(html).toContain("<p>Ask <strong>why now</strong></p>");
  });

  it("escapes names, titles and descriptions", () => {
    const html = render({
      name: `<script>alert("n")</script>`,
      versionLabel: `"><img src=x>`,
      stageNames: new Map([[S1, "<b>Stage</b>"]]),
      stages: [
        {
          stageId: S1,
          guidance: "",
          guidanceOverridden: false,
          sequential: false,
          steps: [{ key: "x", title: "<img src=x onerror=alert(1)>", description: "a & b <i>", dueInDays: 0, origin: "global" }],
        },
      ],
    });
    expect(html).not.toMatch(/<script|<img|<b>Stage/);
    expect(html).toContain("&lt;script&gt;alert(&quot;n&quot;)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("a &amp; b &lt;i&gt;");
    expect(html).toContain("<ul>");
    expect(html).toContain("the same day");
  });

  it("sanitises guidance again on the way out", () => {
    const html = render({
      stages: [
        {
          stageId: S1,
          guidance: "<p>ok</p><script>x()</script><p onclick=y()>z</p>",
          guidanceOverridden: false,
          sequential: true,
          steps: [],
        },
      ],
    });
    expect(html).toContain("<p>ok</p><p>z</p>");
    expect(html).not.toMatch(/script|onclick/);
  });
});

describe("exportFilename", () => {
  it("is ASCII and never carries request text verbatim", () => {
    expect(exportFilename("Sales", "DE")).toBe("playbook-sales-de.html");
    expect(exportFilename('Vertrieb Ü/../"x', null)).toBe("playbook-vertrieb-u-x.html");
    expect(exportFilename("日本", null)).toBe("playbook-playbook.html");
  });
});
