import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

describe("safeRedirectPath", () => {
  it("keeps same-origin paths", () => {
    expect(safeRedirectPath("/settings/users?q=ada#x")).toBe("/settings/users?q=ada#x");
  });

  it("refuses other origins and odd values", () => {
    for (const bad of ["//evil.example", "/\\evil.example", "https://evil.example", "javascript:alert(1)", 42, undefined]) {
      expect(safeRedirectPath(bad)).toBe("/");
    }
  });

  it("never returns to the sign-in page itself", () => {
    expect(safeRedirectPath("/sign-in")).toBe("/");
  });
});
