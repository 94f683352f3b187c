import type { EffectiveStage } from "@rapport/contract";
import { sanitizeGuidance } from "./guidance.sanitize.js";

export type ExportInput = {
  name: string;
  /** "Global" or the variant's name and code. */
  versionLabel: string;
  stageNames: Map<string, string>;
  stages: EffectiveStage[];
  generatedAt: Date;
};

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

const CSS = `body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1a1b1e;max-width:52rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.25rem}.meta{color:#555;margin-top:0}section{border-top:1px solid #ddd;padding-top:.5rem;margin-top:1.5rem}
h2{font-size:1.25rem}.guidance{background:#f6f8fa;border-left:4px solid #4c6ef5;padding:.5rem 1rem}ol,ul{padding-left:1.5rem}
.step{margin:.4rem 0}.due{color:#555;font-size:.9rem}.desc{margin:.15rem 0 0}.mode{font-size:.9rem;color:#555}
@media print{body{margin:0}section{break-inside:avoid}}`;

/**
 * The playbook as one self-contained HTML file to read offline: inline CSS, no scripts, no
 * external resources, and a CSP meta tag forbidding both should anything slip through. Names,
 * titles and descriptions are escaped; guidance is the stored sanitised HTML, sanitised
 * again here so the file is safe even if a row was written by other means.
 */
export function renderPlaybookHtml(input: ExportInput): string {
  const sections = input.stages.map((stage) => {
    const name = input.stageNames.get(stage.stageId) ?? "Stage";
    const guidance = sanitizeGuidance(stage.guidance);
    const steps = stage.steps
      .map(
        (s) =>
          `<li class="step"><strong>${escapeHtml(s.title)}</strong> <span class="due">(due ${s.dueInDays === 0 ? "the same day" : `after ${s.dueInDays} day${s.dueInDays === 1 ? "" : "s"}`})</span>${
            s.description ? `<p class="desc">${escapeHtml(s.description)}</p>` : ""
          }</li>`,
      )
      .join("\n");
    const list = stage.sequential ? "ol" : "ul";
    return `<section>
<h2>${escapeHtml(name)}</h2>
${guidance ? `<div class="guidance">${guidance}</div>` : ""}
<p class="mode">${stage.sequential ? "Steps in order: each one after the previous is done." : "Steps in any order."}</p>
${stage.steps.length ? `<${list}>\n${steps}\n</${list}>` : "<p>No steps.</p>"}
</section>`;
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(input.name)} — ${escapeHtml(input.versionLabel)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${escapeHtml(input.name)}</h1>
<p class="meta">${escapeHtml(input.versionLabel)} · exported ${input.generatedAt.toISOString().slice(0, 10)}</p>
${sections.join("\n")}
</body>
</html>
`;
}

/** `playbook-sales-de.html`: ASCII only, never raw request text. */
export function exportFilename(name: string, region: string | null): string {
  const slug = (s: string) =>
    s
      .normalize("NFKD")
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .toLowerCase()
      .slice(0, 60) || "playbook";
  return `playbook-${slug(name)}${region ? `-${slug(region)}` : ""}.html`;
}
