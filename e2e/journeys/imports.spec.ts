import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { DEMO_ADMIN, signIn } from "./demo.js";

/**
 * A messy HubSpot export: a quoted cell with a comma and a line break, one bad email, and the
 * same person twice. Names carry a random tag so reruns against the same data don't collide.
 */
function messyCsv(tag: string) {
  return [
    "First Name,Last Name,Email,Phone Number,Company Name,Job Title,Lifecycle Stage,Notes",
    `Ana,Imp${tag},ana.${tag}@example.org,+1 415 555 0101,Souza Foods ${tag},Buyer,lead,"Met at the fair, Berlin`,
    `asked for a quote"`,
    `Bob,Imp${tag},not-an-email,+1 415 555 0102,Nguyen ${tag},CTO,customer,`,
    `Ana,Imp${tag},ana.${tag}@example.org,+1 415 555 0101,Souza Foods ${tag},Buyer,lead,`,
    `Chen,Imp${tag},chen.${tag}@example.org,,Li Logistics ${tag},COO,opportunity,`,
    "",
  ].join("\r\n");
}

test("a messy CSV is mapped, checked, imported with live progress, reported and undone", async ({ page }, testInfo) => {
  test.slow();
  const tag = Math.random().toString(36).slice(2, 8);
  const file = testInfo.outputPath(`hubspot-${tag}.csv`);
  fs.writeFileSync(file, messyCsv(tag));

  await signIn(page, DEMO_ADMIN);
  await expect(page.getByRole("button", { name: "Account menu" })).toBeVisible();
  await page.getByRole("link", { name: "People", exact: true }).first().click();
  await page.getByRole("link", { name: "Import", exact: true }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Import people" })).toBeVisible();
  await expect(page.getByText(/up to 1 GB/)).toBeVisible();

  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Choose a file" }).click();
  await (await chooser).setFiles(file);

  // The detected format and the suggested mapping of HubSpot's column names.
  await expect(page.getByRole("heading", { level: 2, name: `hubspot-${tag}.csv` })).toBeVisible();
  const facts = page.getByRole("region", { name: "About the file" });
  await expect(facts).toContainText("UTF-8");
  await expect(facts).toContainText("Comma");
  for (const [column, target] of [
    ["First Name", "firstName"],
    ["Last Name", "lastName"],
    ["Email", "email"],
    ["Phone Number", "phone"],
    ["Company Name", "company"],
    ["Job Title", "title"],
    ["Lifecycle Stage", "lifecycleStage"],
    ["Notes", "notes"],
  ]) {
    await expect(page.getByLabel(`Import column “${column}” into`)).toHaveValue(target as string);
  }
  // The preview shows the quoted cell as one value, and the bad email as a problem of row 3.
  const preview = page.getByRole("table", { name: "Preview of the first rows" });
  await expect(preview.getByRole("row").nth(1)).toContainText("Met at the fair, Berlin");
  await expect(preview.getByRole("row").nth(2)).toContainText("Email: not an email address");

  // Unmapping the name columns is caught before anything runs; mapping them back clears it.
  await page.getByLabel("Import column “First Name” into").selectOption("");
  await page.getByLabel("Import column “Last Name” into").selectOption("");
  await expect(page.getByRole("alert").filter({ hasText: "every person needs a name" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Start import" })).toBeDisabled();
  await page.getByLabel("Import column “First Name” into").selectOption("firstName");
  await page.getByLabel("Import column “Last Name” into").selectOption("lastName");
  await expect(page.getByRole("button", { name: "Start import" })).toBeEnabled();

  // The dry run lists the bad row and writes nothing.
  await page.getByRole("button", { name: "Check for errors" }).click();
  await expect(page.getByRole("heading", { name: "Dry run result" })).toBeVisible({ timeout: 30_000 });
  const rejected = page.getByRole("table", { name: "Rejected rows" });
  await expect(rejected.getByRole("row")).toHaveCount(2);
  await expect(rejected.getByRole("row").nth(1)).toHaveText(/3\s*Email\s*not an email address/);
  await expect(page.getByLabel("Failed: 1")).toBeVisible();
  const people = await page.request.get(`/api/v1/contacts?q=Imp${tag}`);
  expect((await people.json()).items).toEqual([]);

  // The real run: progress until done, with the right counts (the repeated Ana is one person).
  await page.getByRole("button", { name: "Import now" }).click();
  await expect(page.getByRole("heading", { name: "Summary" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("Done", { exact: true })).toBeVisible();
  for (const label of ["Created: 2", "Updated: 1", "Skipped: 0", "Failed: 1"]) await expect(page.getByLabel(label)).toBeVisible();

  // The error report as a spreadsheet would open it.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download error report (CSV)" }).click();
  const report = fs.readFileSync((await (await download).path()) as string, "utf8");
  expect(report).toBe("\uFEFFrow,column,reason\r\n3,Email,not an email address\r\n");

  // The imported people are in the list.
  await page.getByRole("link", { name: "View people" }).click();
  await page.getByRole("textbox", { name: "Search", exact: true }).fill(`Imp${tag}`);
  const grid = page.getByRole("grid", { name: "People list" });
  await expect(grid.getByRole("link", { name: `Ana Imp${tag}` })).toBeVisible();
  await expect(grid.getByRole("link", { name: `Chen Imp${tag}` })).toBeVisible();

  // Undo, from the list of imports: they are gone.
  await page.goto("/imports");
  await page
    .getByRole("link", { name: `hubspot-${tag}.csv` })
    .first()
    .click();
  await page.getByRole("button", { name: "Undo import" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Undo import" }).click();
  await expect(page.getByText(/^Undone .* The people it created are in the trash\./)).toBeVisible();
  await expect(page.getByRole("button", { name: "Undo import" })).toHaveCount(0);

  await page.getByRole("link", { name: "View people" }).click();
  await page.getByRole("textbox", { name: "Search", exact: true }).fill(`Imp${tag}`);
  await expect(page.getByText("Nothing matches")).toBeVisible();
});

test("a Salesforce accounts export is imported into Companies and undone", async ({ page }, testInfo) => {
  test.slow();
  const tag = Math.random().toString(36).slice(2, 8);
  const file = testInfo.outputPath(`accounts-${tag}.csv`);
  fs.writeFileSync(
    file,
    [
      "Account Name,Website,Industry,Employees,Billing Country",
      `Zephyr ${tag},https://www.zephyr-${tag}.example,Aviation,"1,200",Germany`,
      `ZEPHYR ${tag},,,,`,
      `,nameless-${tag}.example,,,`,
      `Yonder ${tag},yonder-${tag}.example,Retail,40,France`,
      "",
    ].join("\r\n"),
  );

  await signIn(page, DEMO_ADMIN);
  await page.getByRole("link", { name: "Companies", exact: true }).first().click();
  await page.getByRole("link", { name: "Import", exact: true }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Import companies" })).toBeVisible();
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Choose a file" }).click();
  await (await chooser).setFiles(file);

  await expect(page.getByRole("heading", { level: 2, name: `accounts-${tag}.csv` })).toBeVisible();
  for (const [column, target] of [
    ["Account Name", "name"],
    ["Website", "website"],
    ["Industry", "industry"],
    ["Employees", "employees"],
    ["Billing Country", "country"],
  ]) {
    await expect(page.getByLabel(`Import column “${column}” into`)).toHaveValue(target as string);
  }
  await expect(page.getByRole("heading", { name: "Existing companies" })).toBeVisible();
  await page.getByRole("button", { name: "Start import" }).click();
  await expect(page.getByRole("heading", { name: "Summary" })).toBeVisible({ timeout: 30_000 });
  // The second Zephyr row is the same company (name folded): created once, updated once.
  for (const label of ["Created: 2", "Updated: 1", "Failed: 1"]) await expect(page.getByLabel(label)).toBeVisible();

  await page.getByRole("link", { name: "View companies" }).click();
  await page.getByRole("textbox", { name: "Search", exact: true }).fill(tag);
  await expect(page.getByRole("link", { name: `ZEPHYR ${tag}` })).toBeVisible();
  await expect(page.getByRole("link", { name: `Yonder ${tag}` })).toBeVisible();

  await page.goBack();
  await page.getByRole("button", { name: "Undo import" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Undo import" }).click();
  await expect(page.getByText(/^Undone .* The companies it created are in the trash\./)).toBeVisible();
});
