import { describe, expect, it } from "vitest";
import { ApiError } from "./api-error";
import { fieldError } from "./field-errors";

const problem = {
  type: "about:blank",
  title: "Invalid request",
  status: 400,
  code: "validation_failed",
  errors: [
    { path: "body.email", message: "not an email" },
    { path: "/memberIds/2", message: "not a user" },
    { path: "name", message: "too short" },
  ],
};

describe("ApiError.fromProblem", () => {
  it("keeps status and code and normalises field paths", () => {
    const error = ApiError.fromProblem(problem, null);
    expect(error.status).toBe(400);
    expect(error.code).toBe("validation_failed");
    expect(error.fieldErrors).toEqual({ email: "not an email", "memberIds.2": "not a user", name: "too short" });
    expect(error.hasFieldErrors).toBe(true);
  });

  it("uses the detail as message when there is one", () => {
    expect(ApiError.fromProblem({ ...problem, detail: "Check the form" }, null).message).toBe("Check the form");
  });
});

describe("fieldError", () => {
  const error = ApiError.fromProblem(problem, null);

  it("finds a field and the fields below it", () => {
    expect(fieldError(error, "email")).toBe("not an email");
    expect(fieldError(error, "memberIds")).toBe("not a user");
    expect(fieldError(error, "role")).toBeUndefined();
  });

  it("ignores errors that are not API errors", () => {
    expect(fieldError(new Error("boom"), "email")).toBeUndefined();
  });
});
