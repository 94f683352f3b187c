import { expect, type Page, test } from "@playwright/test";
import { DEMO_ADMIN, signIn } from "./demo.js";

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

test("a duplicate pair is reviewed in the queue, merged field by field, and the merge is undone", async ({ page }) => {
  test.slow();
  await signIn(page, DEMO_ADMIN);
  await expect(page.getByRole("button", { name: "Account menu" })).toBeVisible();
  // Two records of one person: a nickname and the same mailbox written differently.
  const tag = Math.random().toString(36).slice(2, 7);
  const last = `Dupetest${tag}`;
  const a = await api<{ id: string }>(page, "POST", "/api/v1/contacts", {
    firstName: "William",
    lastName: last,
    title: "Buyer",
    emails: [`william.${tag}@gmail.com`],
  });
  const b = await api<{ id: string }>(page, "POST", "/api/v1/contacts", {
    firstName: "Bill",
    lastName: last,
    title: "Head of Buying",
    emails: [`William.${tag}+crm@gmail.com`],
  });
  // Detection runs in the worker right after the records are saved.
  await expect
    .poll(async () => (await api<{ items: unknown[] }>(page, "GET", `/api/v1/contacts/${a.id}/duplicates`)).items.length, {
      timeout: 30_000,
    })
    .toBe(1);

  await page.goto("/duplicates");
  await page
    .getByRole("navigation", { name: "Candidate pairs" })
    .getByRole("button", { name: `William ${last} and Bill ${last}` })
    .click();
  const pair = page.getByRole("region", { name: `William ${last} and Bill ${last}` });
  await expect(pair.getByText("Same email")).toBeVisible();
  await expect(pair.getByText("Nickname")).toBeVisible();
  await page.keyboard.press("m");

  await expect(page.getByRole("heading", { level: 2, name: "Merge people" })).toBeVisible();
  await page.getByRole("radio", { name: /Title: Head of Buying/ }).check();
  await page.getByRole("button", { name: "Merge", exact: true }).click();
  await expect(page.getByText(/Merged into/)).toBeVisible();
  await expect(page).toHaveURL(/\/duplicates$/);
  const merged = await api<{ deletedAt: string | null }>(page, "GET", `/api/v1/contacts/${b.id}`);
  expect(merged.deletedAt).not.toBeNull();
  const survivor = await api<{ title: string; emails: string[] }>(page, "GET", `/api/v1/contacts/${a.id}`);
  expect(survivor.title).toBe("Head of Buying");
  expect(survivor.emails).toHaveLength(2);

  await page.getByRole("link", { name: "Merge history" }).click();
  await page.getByRole("button", { name: `Undo: Bill ${last} → William ${last}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText("Merge undone")).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(`Bill ${last}`) }).getByText(/Undone/)).toBeVisible();
  const back = await api<{ deletedAt: string | null; title: string }>(page, "GET", `/api/v1/contacts/${b.id}`);
  expect(back.deletedAt).toBeNull();
  expect((await api<{ title: string }>(page, "GET", `/api/v1/contacts/${a.id}`)).title).toBe("Buyer");
});
