import { expect, type Page, test } from "@playwright/test";
import { DEMO_ADMIN, DEMO_REP, signIn } from "./demo.js";

/** A suffix that keeps names of records made by one run apart from every other run's. */
const unique = () => Math.random().toString(36).slice(2, 8);

/** Calls the API with the page's session, as the web app does (CSRF header on changes). */
async function api<T>(page: Page, method: "GET" | "POST", path: string, data?: unknown): Promise<T> {
  const response = await page.request.fetch(path, {
    method,
    data,
    headers: method === "GET" ? {} : { "X-Requested-With": "rapport", "Idempotency-Key": crypto.randomUUID() },
  });
  expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

async function signedIn(page: Page, who: { email: string; password: string }) {
  await signIn(page, who);
  await expect(page.getByRole("button", { name: "Account menu" })).toBeVisible();
}

/** Picks an option of a Mantine select by its label. */
async function choose(page: Page, label: string, option: string) {
  await page.getByRole("textbox", { name: label, exact: true }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

test("a customer is found by a misspelt name in the command palette and opens on the 360° page", async ({ page }) => {
  await signedIn(page, DEMO_ADMIN);
  await page.keyboard.press("Control+K");
  // The demo's first person is Anna Albrecht; two typos still find her.
  await page.getByLabel("Search pages, settings and records").fill("Ana Albrect");
  const result = page.getByRole("dialog").getByRole("button", { name: /Anna Albrecht/ });
  await expect(result).toBeVisible();
  // The matched parts of the name are marked.
  await expect(result.locator("mark").first()).toBeVisible();
  await result.click();
  await expect(page).toHaveURL(/\/people\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 2, name: "Anna Albrecht" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Timeline" })).toBeVisible();
});

test("Enter in the command palette opens the first record found when no action matches", async ({ page }) => {
  await signedIn(page, DEMO_ADMIN);
  await page.keyboard.press("Control+K");
  const input = page.getByLabel("Search pages, settings and records");
  await input.fill("Ana Albrect");
  await expect(page.getByRole("dialog").getByRole("button", { name: /Anna Albrecht/ })).toBeVisible();
  await input.press("Enter");
  await expect(page).toHaveURL(/\/people\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 2, name: "Anna Albrecht" })).toBeVisible();
});

test("a call logged from the composer appears at the top of the timeline", async ({ page }) => {
  await signedIn(page, DEMO_ADMIN);
  const person = await api<{ id: string; name: string }>(page, "POST", "/api/v1/contacts", {
    firstName: "Calla",
    lastName: `Composer ${unique()}`,
  });
  await page.goto(`/people/${person.id}`);
  await expect(page.getByRole("heading", { level: 2, name: person.name })).toBeVisible();
  const composer = page.getByRole("form", { name: "Log an interaction" });
  // Segmented controls draw their radios as labels; a click on the label is what users do.
  await composer
    .locator("label")
    .filter({ hasText: /^Call$/ })
    .click();
  await expect(composer.getByRole("radio", { name: "Call" })).toBeChecked();
  const subject = `Renewal call ${unique()}`;
  await composer.getByLabel("Subject").fill(subject);
  await composer
    .locator("label")
    .filter({ hasText: /^Inbound$/ })
    .click();
  await composer.getByLabel("Duration (minutes)").fill("12");
  await composer.getByRole("textbox", { name: "Outcome" }).fill("connected");
  await composer.getByRole("button", { name: "Log call" }).click();

  const first = page.getByRole("list", { name: "Interactions, newest first" }).getByRole("listitem").first();
  await expect(first).toContainText(subject);
  await expect(first).toContainText("Inbound");
  await expect(first).toContainText("connected");
  // The composer is ready for the next one.
  await expect(composer.getByLabel("Subject")).toHaveValue("");
});

test("an admin adds a custom field, sets it on a person and filters the People list by it", async ({ page }) => {
  test.slow(); // a long journey: settings, a record and a list
  await signedIn(page, DEMO_ADMIN);
  const suffix = unique();
  const label = `Customer code ${suffix}`;
  await page.goto("/settings/custom-fields");
  await expect(page.getByRole("heading", { name: "Custom fields" })).toBeVisible();
  await page.getByRole("button", { name: "Add field" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a custom field" });
  await dialog.getByLabel("Label").fill(label);
  await expect(dialog.getByLabel("Key")).toHaveValue(`customer_code_${suffix}`);
  await dialog.getByRole("button", { name: "Add field" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("table").getByText(label)).toBeVisible();

  const person = await api<{ id: string; name: string }>(page, "POST", "/api/v1/contacts", {
    firstName: "Filtra",
    lastName: `Field ${suffix}`,
  });
  await page.goto(`/people/${person.id}`);
  await page.getByRole("button", { name: `Edit ${label}` }).click();
  await page.getByRole("textbox", { name: label }).fill(`CC-${suffix}`);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: `Edit ${label}` })).toContainText(`CC-${suffix}`);

  await page.getByRole("link", { name: "People", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 2, name: "People" })).toBeVisible();
  await page.getByRole("button", { name: "Filter" }).click();
  await choose(page, "Field", label);
  await page.getByRole("textbox", { name: "Value" }).fill(`CC-${suffix}`);
  await page.getByRole("button", { name: "Apply" }).click();

  const grid = page.getByRole("grid", { name: "People list" });
  await expect(grid.getByRole("link", { name: person.name })).toBeVisible();
  // The header row and exactly one person.
  await expect(grid.getByRole("row")).toHaveCount(2);
  await expect(page.getByText(`${label} is CC-${suffix}`)).toBeVisible();
});

test("a company and a person at it are created from the list pages and open on their pages", async ({ page }) => {
  await signedIn(page, DEMO_ADMIN);
  const suffix = unique();

  await page.goto("/companies");
  await page.getByRole("button", { name: "New company" }).click();
  const companyDialog = page.getByRole("dialog", { name: "New company" });
  // Without a name nothing is sent and the form says why.
  await companyDialog.getByRole("button", { name: "Create company" }).click();
  await expect(companyDialog.getByText("Enter the company's name.")).toBeVisible();
  await companyDialog.getByLabel("Name").fill(`Brightwater ${suffix}`);
  await companyDialog.getByLabel("Domain").fill(`brightwater-${suffix}.example`);
  await companyDialog.getByRole("button", { name: "Create company" }).click();
  await expect(page).toHaveURL(/\/companies\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 2, name: `Brightwater ${suffix}` })).toBeVisible();

  await page.goto("/people");
  await page.getByRole("button", { name: "New person" }).click();
  const personDialog = page.getByRole("dialog", { name: "New person" });
  await personDialog.getByLabel("First name").fill("Ilse");
  await personDialog.getByLabel("Last name").fill(`Marsh ${suffix}`);
  await personDialog.getByRole("textbox", { name: "Emails" }).fill(`ilse.${suffix}@example.com`);
  await personDialog.getByRole("textbox", { name: "Emails" }).press("Enter");
  await personDialog.getByRole("textbox", { name: "Company" }).fill(`Brightwater ${suffix}`);
  await page.getByRole("option", { name: `Brightwater ${suffix}` }).click();
  await personDialog.getByLabel("Role at the company").fill("Buyer");
  await personDialog.getByRole("button", { name: "Create person" }).click();
  await expect(page).toHaveURL(/\/people\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 2, name: `Ilse Marsh ${suffix}` })).toBeVisible();
  await expect(page.getByText(`ilse.${suffix}@example.com`).first()).toBeVisible();
  await expect(page.getByRole("link", { name: `Brightwater ${suffix}` }).first()).toBeVisible();

  // A second company is linked from the person's page, with the role they play there.
  await page.getByRole("button", { name: "Link a company" }).click();
  const linkForm = page.getByRole("dialog").filter({ has: page.getByRole("textbox", { name: "Role" }) });
  await linkForm.getByRole("textbox", { name: "Company" }).fill("Borealis");
  await page.getByRole("option", { name: "Borealis Machining" }).click();
  await linkForm.getByRole("textbox", { name: "Role" }).fill("Consultant");
  await linkForm.getByRole("button", { name: "Link a company" }).click();
  await expect(linkForm).toBeHidden();
  await expect(page.getByRole("link", { name: "Borealis Machining" }).first()).toBeVisible();
  await expect(page.getByText("Consultant").first()).toBeVisible();
});

test("a view saved with a filter reopens from the view picker", async ({ page }) => {
  await signedIn(page, DEMO_ADMIN);
  await page.goto("/people");
  await expect(page.getByRole("grid", { name: "People list" })).toBeVisible();
  await page.getByRole("button", { name: "Filter" }).click();
  await choose(page, "Field", "Lifecycle stage");
  await choose(page, "Value", "Customer");
  await page.getByRole("button", { name: "Apply" }).click();
  const chip = page.getByText("Lifecycle stage is Customer");
  await expect(chip).toBeVisible();

  const name = `Customers ${unique()}`;
  await page.getByRole("button", { name: "Save view" }).click();
  const dialog = page.getByRole("dialog", { name: "Save view" });
  await dialog.getByLabel("View name").fill(name);
  await dialog.getByRole("button", { name: "Save view" }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/[?&]view=[0-9a-f-]{36}/);

  // Back to the plain list: the filter goes away…
  await page.getByRole("button", { name: `Saved views: ${name}` }).click();
  await page.getByRole("menuitem", { name: "All people" }).click();
  await expect(chip).toBeHidden();
  await expect(page).not.toHaveURL(/view=/);

  // …and choosing the view brings it back.
  await page.getByRole("button", { name: "Saved views: All people" }).click();
  await page.getByRole("menuitem", { name }).click();
  await expect(chip).toBeVisible();
  await expect(page).toHaveURL(/[?&]view=[0-9a-f-]{36}/);
  const grid = page.getByRole("grid", { name: "People list" });
  await expect(grid.getByRole("row").nth(1)).toContainText("Customer");
});

test("a member does not see a person owned by someone outside their teams", async ({ page }) => {
  test.slow(); // two sign-ins
  await signedIn(page, DEMO_ADMIN);
  const me = await api<{ user: { id: string } }>(page, "GET", "/api/v1/me");
  const lastName = `Hidden ${unique()}`;
  // Owned by Alex Morgan (Customer Success); Sam Rivera is in Sales EMEA.
  const person = await api<{ id: string; name: string }>(page, "POST", "/api/v1/contacts", {
    firstName: "Private",
    lastName,
    ownerId: me.user.id,
  });
  await page.goto("/people");
  await page.getByRole("textbox", { name: "Search", exact: true }).fill(lastName);
  await expect(page.getByRole("grid", { name: "People list" }).getByRole("link", { name: person.name })).toBeVisible();

  await page.context().clearCookies();
  await signedIn(page, DEMO_REP);
  await page.goto("/people");
  await expect(page.getByRole("grid", { name: "People list" })).toBeVisible();
  await page.getByRole("textbox", { name: "Search", exact: true }).fill(lastName);
  await expect(page.getByText("Nothing matches")).toBeVisible();

  await page.keyboard.press("Control+K");
  await page.getByLabel("Search pages, settings and records").fill(person.name);
  await expect(page.getByRole("dialog").getByText("Nothing found")).toBeVisible();
  await page.keyboard.press("Escape");

  await page.goto(`/people/${person.id}`);
  await expect(page.getByRole("heading", { name: "Person not found" })).toBeVisible();
});
