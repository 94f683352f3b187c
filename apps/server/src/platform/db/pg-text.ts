import pg from "pg";

/**
 * PostgreSQL's text output of a value turned straight into the JSON a presenter writes for
 * it, without the Date, array or object pg's type parsers would build (decision 0032). Each
 * gives exactly what `JSON.stringify` writes for pg's parsed value (tested against pg's
 * own parsers); forms outside the fast path go through those parsers.
 */

/** pg's own parser of text[] (oid 1009), for the forms outside the fast path. */
const parseTextArray = (text: string) =>
  (pg.types.getTypeParser(1009 as Parameters<typeof pg.types.getTypeParser>[0]) as (t: string) => unknown)(text);

/** `YYYY-MM-DD HH:MM:SS[.ffffff]+00`: DateStyle ISO in a UTC session, years 1000–9999. */
const UTC_TIMESTAMP = /^[1-9]\d{3}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{1,6})?\+00$/;

/**
 * A timestamptz's text as `Date#toISOString()` of what pg parses from it: the fraction is
 * cut to milliseconds, as pg's parser does (checked for all 10^6 fractions).
 */
export function isoFromTimestamptz(text: string): string {
  if (UTC_TIMESTAMP.test(text)) {
    const fraction = text.length > 22 ? text.slice(20, text.length - 3) : "";
    return `${text.slice(0, 10)}T${text.slice(11, 19)}.${`${fraction}000`.slice(0, 3)}Z`;
  }
  return new Date(pg.types.getTypeParser(1184)(text) as Date).toISOString();
}

/** The JSON of a nullable timestamptz column's text: an ISO string or null. */
export function timestampJson(text: string | null): string {
  return text === null ? "null" : `"${isoFromTimestamptz(text)}"`;
}

/**
 * The JSON array of a one-dimensional text[]'s text (`{a,"b c",NULL}`): elements with
 * delimiters, quotes, backslashes, spaces, empty or the word NULL come quoted with
 * backslash escapes; an unquoted NULL is null.
 */
export function textArrayJson(text: string | null): string {
  if (text === null) return "null";
  if (text === "{}") return "[]";
  // Other lower bounds (`[0:1]={…}`) and nested arrays: pg's own parser.
  if (text.charCodeAt(0) !== 123 || text.charCodeAt(1) === 123) return JSON.stringify(parseTextArray(text));
  const out: (string | null)[] = [];
  const end = text.length - 1;
  let i = 1;
  while (i < end) {
    if (text.charCodeAt(i) === 34) {
      let value = "";
      let from = i + 1;
      let j = from;
      for (;;) {
        const c = text.charCodeAt(j);
        if (c === 92) {
          value += text.slice(from, j);
          from = j + 1;
          j += 2;
        } else if (c === 34) {
          value += text.slice(from, j);
          break;
        } else if (j >= end) {
          return JSON.stringify(parseTextArray(text));
        } else {
          j++;
        }
      }
      out.push(value);
      i = j + 2;
    } else {
      let j = text.indexOf(",", i);
      if (j < 0 || j > end) j = end;
      const value = text.slice(i, j);
      out.push(value === "NULL" ? null : value);
      i = j + 1;
    }
  }
  return JSON.stringify(out);
}

/** The JSON of a json or jsonb column's text as JSON.stringify writes its parsed value (no spaces). */
export function jsonColumnJson(text: string | null): string {
  if (text === null) return "null";
  // The common empty values are already that text.
  if (text === "[]" || text === "{}") return text;
  return JSON.stringify(JSON.parse(text));
}
