import { expect, type Page, test } from "@playwright/test";
import { DEMO_ADMIN, signIn } from "./demo.js";

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

type Stage = { id: string; probability: number; kind: string };

test("the forecast of this quarter shows a committed deal, and its number opens the deals behind it", async ({ page }) => {
  test.slow();
  await signIn(page, DEMO_ADMIN);
  await expect(page.getByRole("button", { name: "Account menu" })).toBeVisible();
  // A deal in a high-probability stage, expected to close today: it is in this quarter's commit.
  const pipeline = await api<{ id: string; stages: Stage[] }>(page, "POST", "/api/v1/pipelines", {
    name: `Forecast journey ${unique()}`,
    stages: [
      { name: "Talking", probability: 20 },
      { name: "Signing", probability: 90 },
      { name: "Won", probability: 100, kind: "won" },
      { name: "Lost", probability: 0, kind: "lost" },
    ],
  });
  const signing = pipeline.stages.find((s) => s.probability === 90) as Stage;
  const name = `Forecast deal ${unique()}`;
  const me = await api<{ user: { id: string; name: string } }>(page, "GET", "/api/v1/me");
  await api(page, "POST", "/api/v1/deals", {
    name,
    pipelineId: pipeline.id,
    stageId: signing.id,
    amountMinor: 123_400,
    currency: "EUR",
    expectedCloseDate: new Date().toISOString().slice(0, 10),
    ownerId: me.user.id,
  });

  await expect(page.getByRole("link", { name: "Forecast" })).toBeVisible();
  await page.goto("/forecast");
  // The page and its chart library load lazily: allow a slow first load.
  await expect(page.getByRole("heading", { level: 2, name: "Forecast" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("textbox", { name: "Period" })).toHaveValue("This quarter");
  const commit = page.getByRole("button", { name: `Commit · ${me.user.name} · EUR` });
  await expect(commit).toBeVisible({ timeout: 20_000 });
  await commit.click();
  const drawer = page.getByRole("dialog", { name: `Commit · ${me.user.name}` });
  await expect(drawer.getByRole("cell", { name })).toBeVisible();
  await expect(drawer.getByText("Signing · 90 %")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();

  // By region the same deal counts under "No region"; the metrics tab opens too.
  await page.getByText("Region", { exact: true }).click();
  await expect(page).toHaveURL(/groupBy=region/);
  await expect(page.getByRole("button", { name: /^Commit · No region · EUR$/ })).toBeVisible();
  await page.getByRole("tab", { name: "Sales metrics" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Sales metrics" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("Win rate").first()).toBeVisible();
});
