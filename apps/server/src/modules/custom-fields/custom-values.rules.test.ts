import { describe, expect, it } from "vitest";
import { type CustomFieldDefinition, validateCustomValues } from "./custom-values.rules.js";

const def = (key: string, type: string, extra: Partial<CustomFieldDefinition> = {}): CustomFieldDefinition => ({
  key,
  label: key,
  type,
  options: [],
  required: false,
  ...extra,
});
const defs = [
  def("tier", "select", { options: ["gold", "silver"] }),
  def("seats", "number"),
  def("renewal", "date"),
  def("arr", "money"),
  def("site", "url"),
  def("hotline", "phone"),
  def("vip", "boolean"),
  def("regions", "multi_select", { options: ["emea", "apac"] }),
  def("code", "text", { required: true }),
];
const opts = { partial: true, defaultCountry: "DE" };

describe("validateCustomValues", () => {
  it("normalises valid values", () => {
    const r = validateCustomValues(
      defs,
      {
        tier: "gold",
        seats: "12",
        renewal: "2027-01-31",
        arr: { amount: 1200000, currency: "EUR" },
        site: "https://acme.example",
        hotline: "030 1234567",
        vip: true,
        regions: ["emea", "emea"],
      },
      opts,
    );
    expect(r.errors).toEqual([]);
    expect(r.values).toMatchObject({ seats: 12, hotline: "+49301234567", regions: ["emea"], site: "https://acme.example/" });
  });

  it("rejects values of the wrong type or outside the options, and unknown keys", () => {
    const r = validateCustomValues(
      defs,
      { tier: "bronze", seats: "many", renewal: "31/01/2027", site: "javascript:alert(1)", nope: 1, vip: "yes" },
      opts,
    );
    expect(r.errors.map((e) => e.path).sort()).toEqual(
      ["body.custom.nope", "body.custom.renewal", "body.custom.seats", "body.custom.site", "body.custom.tier", "body.custom.vip"].sort(),
    );
  });

  it("requires required fields on create, not on update, and refuses clearing them", () => {
    expect(validateCustomValues(defs, {}, { ...opts, partial: false }).errors).toEqual([{ path: "body.custom.code", message: "required" }]);
    expect(validateCustomValues(defs, {}, opts).errors).toEqual([]);
    expect(validateCustomValues(defs, { code: null }, opts).errors).toHaveLength(1);
  });

  it("clears optional values with null", () => {
    expect(validateCustomValues(defs, { seats: null }, opts).values).toEqual({ seats: null });
  });
});
