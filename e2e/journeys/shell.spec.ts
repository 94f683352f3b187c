import { expect, test } from "@playwright/test";
import { DEMO_ADMIN, DEMO_REP, signIn } from "./demo.js";

test("a visitor is sent to sign-in, signs in, navigates and signs out", async ({ page }) => {
  await page.goto("/settings/users");
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, DEMO_ADMIN);
  // Back where they wanted to go.
  await expect(page).toHaveURL(/\/settings\/users/);
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
  await expect(page.getByText("sam@rapport.dev")).toBeVisible();

  await page.getByRole("link", { name: "Teams" }).click();
  await expect(page.getByRole("heading", { name: "Teams" })).toBeVisible();
  await expect(page.getByText("Sales EMEA")).toBeVisible();

  await page.getByRole("link", { name: "Audit trail" }).click();
  await expect(page.getByRole("heading", { name: "Audit trail" })).toBeVisible();

  await page.getByRole("link", { name: "Home" }).click();
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  // The session is gone on the server too.
  const me = await page.request.get("/api/v1/me");
  expect(me.status()).toBe(401);
});

test("a wrong password shows an error and keeps the visitor on sign-in", async ({ page }) => {
  await signIn(page, { email: DEMO_REP.email, password: "not the password" });
  await expect(page.getByText(/not correct/i)).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a member does not see administration they may not use", async ({ page }) => {
  await signIn(page, DEMO_REP);
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("link", { name: "Audit trail" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "API keys" })).toHaveCount(0);
});

test("an admin creates an API key, sees the secret once, and the key works", async ({ page }) => {
  await signIn(page, DEMO_ADMIN);
  await page.goto("/settings/api-keys");
  await page
    .getByRole("button", { name: /create/i })
    .first()
    .click();
  await page.getByLabel("Name").fill("E2E integration");
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /create/i })
    .click();
  const secret = await page.getByRole("dialog").getByText(/^rpk_/).textContent();
  expect(secret).toMatch(/^rpk_[0-9a-f]{32}_[0-9a-f]{32}_/);
  const res = await page.request.get("/api/v1/me", { headers: { authorization: `Bearer ${secret?.trim()}` } });
  expect(res.status()).toBe(200);
});

test("the command palette opens with the keyboard and navigates", async ({ page }) => {
  await signIn(page, DEMO_ADMIN);
  await expect(page.getByRole("link", { name: "Home" })).toBeVisible();
  await page.keyboard.press("Control+K");
  await page.keyboard.type("Teams");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/settings\/teams/);
});

test("the layout works at tablet width", async ({ page }) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  await signIn(page, DEMO_ADMIN);
  await expect(page.getByRole("button", { name: "Account menu" })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(overflow).toBe(false);
});
