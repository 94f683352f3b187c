import { describe, expect, it } from "vitest";
import type { CommandAction } from "../modules/module.types";
import { filterActions } from "./filter-actions";

const actions: CommandAction[] = [
  { id: "home", label: "Home", path: "/" },
  { id: "teams", label: "Settings › Teams", path: "/settings/teams", keywords: ["groups"] },
  { id: "keys", label: "Settings › API keys", path: "/settings/api-keys", keywords: ["integration", "token"] },
  { id: "add-user", label: "Add user", path: "/settings/users?new=1" },
];

const ids = (query: string) => filterActions(actions, query).map((a) => a.id);

describe("filterActions", () => {
  it("matches word starts in label and keywords, case-insensitively", () => {
    expect(ids("teams")).toEqual(["teams"]);
    expect(ids("api k")).toEqual(["keys"]);
    expect(ids("GROUP")).toEqual(["teams"]);
    expect(ids("add user")).toEqual(["add-user"]);
  });

  it("does not match inside words", () => {
    expect(ids("gra")).toEqual([]);
  });

  it("returns everything for an empty query", () => {
    expect(ids("  ")).toHaveLength(actions.length);
  });
});
