import { describe, expect, it } from "vitest";
import { insertMention, mentionQueryAt, parseBody, plainBody, toMarkup } from "./mentions";

const SAM = "01a2135e-bdd8-736b-ac15-17ec1d70a7af";
const SAMUEL = "01a2135e-bdd8-736b-ac15-17ec1d70a7b0";

describe("parseBody", () => {
  it("splits text and mentions", () => {
    expect(parseBody(`Ask @[Sam Rivera](user:${SAM.toUpperCase()}) about it`)).toEqual([
      { kind: "text", text: "Ask " },
      { kind: "mention", name: "Sam Rivera", userId: SAM },
      { kind: "text", text: " about it" },
    ]);
    expect(plainBody(`@[Sam](user:${SAM})!`)).toBe("@Sam!");
  });

  it("leaves HTML-looking text as plain text", () => {
    expect(parseBody("<img src=x onerror=alert(1)>")).toEqual([{ kind: "text", text: "<img src=x onerror=alert(1)>" }]);
  });
});

describe("mentionQueryAt", () => {
  it("finds the @word before the caret", () => {
    expect(mentionQueryAt("Call @sa", 8)).toEqual({ start: 5, query: "sa" });
    expect(mentionQueryAt("@", 1)).toEqual({ start: 0, query: "" });
    expect(mentionQueryAt("@Sam Ri", 7)).toEqual({ start: 0, query: "Sam Ri" });
  });

  it("ignores email addresses, line breaks and long runs", () => {
    expect(mentionQueryAt("mail anna@example", 17)).toBeNull();
    expect(mentionQueryAt("@sam\nnext", 9)).toBeNull();
    expect(mentionQueryAt("@one two three", 14)).toBeNull();
  });
});

describe("insertMention and toMarkup", () => {
  it("inserts the picked name and writes the markup on submit", () => {
    const typed = insertMention("Ping @sa please", 5, 8, "Sam Rivera");
    expect(typed).toEqual({ text: "Ping @Sam Rivera please", caret: 17 });
    expect(toMarkup(typed.text, [{ name: "Sam Rivera", userId: SAM }])).toBe(`Ping @[Sam Rivera](user:${SAM}) please`);
  });

  it("prefers the longer name and respects word ends", () => {
    const mentions = [
      { name: "Sam", userId: SAM },
      { name: "Sam Rivera", userId: SAMUEL },
    ];
    expect(toMarkup("@Sam Rivera and @Sam, not @Samuel or a@Sam", mentions)).toBe(
      `@[Sam Rivera](user:${SAMUEL}) and @[Sam](user:${SAM}), not @Samuel or a@Sam`,
    );
  });
});
