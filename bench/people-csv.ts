import { once } from "node:events";
import fs from "node:fs";

/** The 12 columns of the import benchmark's file, spelt as a HubSpot-style export. */
export const PEOPLE_HEADERS = [
  "First Name",
  "Last Name",
  "Email",
  "Phone Number",
  "Company Name",
  "Job Title",
  "Lifecycle Stage",
  "Lead Source",
  "Tags",
  "City",
  "Country",
  "Notes",
];

const FIRST = ["Ana", "Ben", "Chloé", "Dmitri", "Elif", "Farah", "Gustav", "Hana", "Ivan", "Jade", "Kofi", "Lena", "Mateo", "Nia", "Omar"];
const LAST = ["Souza", "Müller", "Okafor", "Tanaka", "Nguyen", "Smith", "García", "Kowalski", "Haddad", "Larsen", "Rossi", "Singh"];
const COMPANIES = Array.from({ length: 400 }, (_, i) => `Bench Supplier ${i}`);
const STAGES = ["lead", "prospect", "customer", "opportunity", "churned"];
const CITIES = ["Lisbon", "Berlin", "Lagos", "Osaka", "Austin", "Lyon", "Kraków", "Oslo"];

const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

export type PeopleCsvPlan = {
  rows: number;
  /** Emails of people already in the workspace; every `matchEvery`-th row takes one (an update). */
  existingEmails: string[];
  matchEvery: number;
  /** Every `dupEvery`-th row repeats the email of an earlier row of the file (same person twice). */
  dupEvery: number;
  /** Every `badEvery`-th row has an invalid email (a failed row). */
  badEvery: number;
};

/**
 * Writes a people CSV of `rows` data rows: new people, people already in the workspace,
 * people repeated inside the file and bad rows, in fixed proportions. Returns how many rows
 * of each kind it wrote.
 */
export async function writePeopleCsv(file: string, plan: PeopleCsvPlan) {
  const out = fs.createWriteStream(file);
  const counts = { fresh: 0, existing: 0, duplicates: 0, bad: 0 };
  let buf = `${PEOPLE_HEADERS.join(",")}\r\n`;
  for (let i = 0; i < plan.rows; i++) {
    const first = FIRST[i % FIRST.length] as string;
    const last = LAST[(i >> 3) % LAST.length] as string;
    let email = `${first}.${last}.${i}@import.example`.toLowerCase();
    if (i > 0 && i % plan.badEvery === 0) {
      email = `not an email ${i}`;
      counts.bad++;
    } else if (i > 0 && i % plan.dupEvery === 0) {
      email = `${FIRST[(i - 7) % FIRST.length]}.${LAST[((i - 7) >> 3) % LAST.length]}.${i - 7}@import.example`.toLowerCase();
      counts.duplicates++;
    } else if (i % plan.matchEvery === 0 && plan.existingEmails.length > 0) {
      email = plan.existingEmails[(i / plan.matchEvery) % plan.existingEmails.length] as string;
      counts.existing++;
    } else counts.fresh++;
    const cells = [
      first,
      last,
      email,
      `+1 (415) ${String(200 + (i % 700)).padStart(3, "0")}-${String(i % 10000).padStart(4, "0")}`,
      COMPANIES[i % COMPANIES.length] as string,
      i % 3 === 0 ? "Head of Operations, EMEA" : "Buyer",
      STAGES[i % STAGES.length] as string,
      i % 2 ? "Trade show" : "Web",
      i % 4 === 0 ? "vip;imported" : "imported",
      CITIES[i % CITIES.length] as string,
      "US",
      i % 10 === 0 ? `Met at the fair.\nWants a "quote" by Q${(i % 4) + 1}` : "",
    ];
    buf += `${cells.map(quote).join(",")}\r\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, "drain");
      buf = "";
    }
  }
  out.end(buf);
  await once(out, "finish");
  return counts;
}
