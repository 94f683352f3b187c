import { fold } from "../../search/index.js";

/** Names exports use that are not the English short names. */
const ALIASES: Record<string, string> = {
  usa: "US",
  "united states of america": "US",
  uk: "GB",
  "great britain": "GB",
  england: "GB",
  deutschland: "DE",
  "the netherlands": "NL",
  holland: "NL",
};

/** Withdrawn or reserved codes that ICU still names like a current country ("DD" → "Germany"). */
const NOT_COUNTRIES = new Set(["BU", "CS", "DD", "EU", "EZ", "FX", "NT", "QO", "SU", "TP", "UK", "UN", "YU", "ZR"]);

let byName: Map<string, string> | undefined;

/** English region names (from the runtime's ICU data) → ISO 3166 codes, built once. */
function names(): Map<string, string> {
  if (byName) return byName;
  byName = new Map(Object.entries(ALIASES));
  const display = new Intl.DisplayNames(["en"], { type: "region" });
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = display.of(code);
      if (name && name !== code && !NOT_COUNTRIES.has(code)) byName.set(fold(name), code);
    }
  }
  return byName;
}

/**
 * The ISO 3166 code of a country cell: a code as is (upper-cased), a country's English name
 * ("Brazil", "United States of America") as its code; anything else unchanged, for the
 * schema to report.
 */
export function countryCode(cell: string): string {
  const v = cell.trim();
  if (/^[a-z]{2}$/i.test(v)) return v.toUpperCase();
  return names().get(fold(v)) ?? v;
}
