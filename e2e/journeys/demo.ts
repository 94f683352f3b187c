import type { Page } from "@playwright/test";

/** The demo sign-in that `npm start` prints. */
export const DEMO_ADMIN = { email: "demo@rapport.dev", password: "rapport-demo" };
export const DEMO_REP = { email: "sam@rapport.dev", password: "rapport-demo" };

export async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password", { exact: true }).fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}
