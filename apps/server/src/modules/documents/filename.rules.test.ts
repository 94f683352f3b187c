import { describe, expect, it } from "vitest";
import { attachmentDisposition, safeFilename } from "./filename.rules.js";

describe("file names", () => {
  it("keeps only the last segment, without control and bidi characters", () => {
    expect(safeFilename("../../etc/passwd")).toBe("passwd");
    expect(safeFilename("C:\\Users\\ana\\Offer 2026.pdf")).toBe("Offer 2026.pdf");
    expect(safeFilename("in\u202Egnp.exe")).toBe("ingnp.exe");
    expect(safeFilename("a\r\nb.txt")).toBe("ab.txt");
    expect(safeFilename("")).toBe("file");
    expect(safeFilename(undefined)).toBe("file");
    expect([...safeFilename("é".repeat(300))]).toHaveLength(255);
  });

  it("builds an attachment disposition with an ASCII fallback and the UTF-8 name", () => {
    expect(attachmentDisposition('Angebot "Müller" (1).pdf')).toBe(
      "attachment; filename=\"Angebot _M_ller_ (1).pdf\"; filename*=UTF-8''Angebot%20%22M%C3%BCller%22%20%281%29.pdf",
    );
  });
});
