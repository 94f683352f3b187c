import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js";

export type FieldError = { path: string; message: string };

const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]+$/;

/** Emails are stored lower-cased and deduplicated; each must look like an address. */
export function normaliseEmails(emails: string[], path = "body.emails"): { values: string[]; errors: FieldError[] } {
  const values: string[] = [];
  const errors: FieldError[] = [];
  emails.forEach((raw, i) => {
    const e = raw.trim().toLowerCase();
    if (!e) return;
    if (!EMAIL.test(e)) errors.push({ path: `${path}.${i}`, message: "not an email address" });
    else if (!values.includes(e)) values.push(e);
  });
  return { values, errors };
}

/**
 * Phones are stored in E.164. Numbers typed without a country code are read as numbers of
 * the workspace's default country.
 */
export function normalisePhones(
  phones: string[],
  defaultCountry: string,
  path = "body.phones",
): { values: string[]; errors: FieldError[] } {
  const values: string[] = [];
  const errors: FieldError[] = [];
  phones.forEach((raw, i) => {
    if (!raw.trim()) return;
    const p = parsePhoneNumberFromString(raw, defaultCountry as CountryCode);
    if (!p?.isPossible()) errors.push({ path: `${path}.${i}`, message: "not a phone number" });
    else if (!values.includes(p.number)) values.push(p.number);
  });
  return { values, errors };
}

/** The national number of an E.164 phone, so that "030 1234567" also finds "+49301234567". */
export function nationalNumber(e164: string): string | undefined {
  return parsePhoneNumberFromString(e164)?.nationalNumber;
}
