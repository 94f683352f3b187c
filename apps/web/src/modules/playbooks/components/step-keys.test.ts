import { describe, expect, it } from "vitest";
import { newStepKey } from "./step-keys";

describe("newStepKey", () => {
  it("slugs the title and stays unique", () => {
    expect(newStepKey("Send the Quote!", [])).toBe("send-the-quote");
    expect(newStepKey("Send the Quote!", ["send-the-quote"])).toBe("send-the-quote-2");
    expect(newStepKey("Über", [])).toBe("uber");
    expect(newStepKey("日本", ["step"])).toBe("step-2");
  });
});
