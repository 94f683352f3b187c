import { expect, test } from "@playwright/test";
import { DEMO_ADMIN, signIn } from "./demo.js";

const unique = () => Math.random().toString(36).slice(2, 8);

test("a task added on a person's page shows under Today in My tasks and is completed with the keyboard", async ({ page }) => {
  // Three pages and a few round trips on a shared machine.
  test.slow();
  await signIn(page, DEMO_ADMIN);
  await expect(page.getByRole("button", { name: "Account menu" })).toBeVisible();
  const created = await page.request.post("/api/v1/contacts", {
    data: { firstName: "Tess", lastName: `Tasker ${unique()}` },
    headers: { "X-Requested-With": "rapport", "Idempotency-Key": crypto.randomUUID() },
  });
  expect(created.ok()).toBe(true);
  const person = (await created.json()) as { id: string; name: string };

  await page.goto(`/people/${person.id}`);
  // The first 360° page loads its code chunks.
  await expect(page.getByRole("heading", { level: 2, name: person.name })).toBeVisible({ timeout: 30_000 });
  // The demo workspace lives in Berlin time: "today" is Berlin's date.
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date());
  const title = `Send the brochure ${unique()}`;
  const form = page.getByRole("form", { name: "New task" });
  await form.getByLabel("New task").fill(title);
  await form.getByLabel("Due date").fill(today);
  await form.getByRole("button", { name: "Add task" }).click();
  const panelRow = page.getByTestId("task-row").filter({ hasText: title });
  await expect(panelRow).toBeVisible();

  await page.getByRole("link", { name: /My tasks/ }).click();
  await expect(page).toHaveURL(/\/tasks$/);
  const todaySection = page.getByRole("region", { name: /^Today/ });
  const row = todaySection.getByTestId("task-row").filter({ hasText: title });
  await expect(row).toBeVisible();
  await expect(row.getByRole("link", { name: person.name })).toBeVisible();

  const checkbox = row.getByRole("checkbox", { name: `Mark "${title}" as done` });
  await checkbox.focus();
  await page.keyboard.press("Space");
  // Gone from the open tasks once the server confirmed…
  await expect(page.getByTestId("task-row").filter({ hasText: title })).toHaveCount(0);
  // …and listed among the done ones.
  await page
    .locator("label")
    .filter({ hasText: /^Done$/ })
    .click();
  const done = page.getByTestId("task-row").filter({ hasText: title });
  await expect(done.getByRole("checkbox", { name: `Open "${title}" again` })).toBeChecked();

  // The person's page no longer lists it as open.
  await page.goto(`/people/${person.id}`);
  await expect(page.getByRole("heading", { level: 2, name: person.name })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("No open tasks.")).toBeVisible({ timeout: 20_000 });
});
