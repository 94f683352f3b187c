import { expect, type Locator, type Page, test } from "@playwright/test";
import { DEMO_ADMIN, signIn } from "./demo.js";

// Money is formatted for the browser's locale: pin it so the expected texts are known.
test.use({ locale: "en-US" });

const unique = () => Math.random().toString(36).slice(2, 8);

async function api<T>(page: Page, method: "GET" | "POST", path: string, data?: unknown): Promise<T> {
  const response = await page.request.fetch(path, {
    method,
    data,
    headers: method === "GET" ? {} : { "X-Requested-With": "rapport", "Idempotency-Key": crypto.randomUUID() },
  });
  expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

type Pipeline = { id: string; name: string; stages: { id: string; name: string }[] };

/** A pipeline of its own (so other journeys' deals never change the totals) with two deals in its first stage. */
async function pipelineWithDeals(page: Page) {
  const suffix = unique();
  const pipeline = await api<Pipeline>(page, "POST", "/api/v1/pipelines", {
    name: `Board journey ${suffix}`,
    stages: [
      { name: "Lead", probability: 10, rottingDays: 30 },
      { name: "Offer", probability: 50 },
      { name: "Won", probability: 100, kind: "won" },
      { name: "Lost", probability: 0, kind: "lost" },
    ],
  });
  const [lead] = pipeline.stages;
  const deal = (name: string, amountMinor: number) =>
    api<{ id: string; name: string }>(page, "POST", "/api/v1/deals", {
      name,
      pipelineId: pipeline.id,
      stageId: lead?.id,
      amountMinor,
      currency: "EUR",
    });
  const alpha = await deal(`Alpha ${suffix}`, 100_000);
  const beta = await deal(`Beta ${suffix}`, 250_000);
  return { pipeline, alpha, beta };
}

const column = (page: Page, stage: string) => page.getByRole("region", { name: stage, exact: true });
const totalOf = (col: Locator) => col.getByTestId("total-EUR");
const countOf = (col: Locator) => col.getByTestId("column-count");

/** Drags with real mouse moves (dnd-kit starts after 5 px), in small steps like a hand would. */
async function drag(page: Page, from: Locator, to: Locator) {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error("nothing to drag");
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 12, a.y + a.height / 2, { steps: 3 });
  await page.mouse.move(b.x + b.width / 2, b.y + 80, { steps: 12 });
  await page.mouse.up();
}

test("a deal dragged to the next stage moves both column totals, and moves by keyboard too", async ({ page }) => {
  test.slow();
  await signIn(page, DEMO_ADMIN);
  await expect(page.getByRole("button", { name: "Account menu" })).toBeVisible();
  const { pipeline, alpha, beta } = await pipelineWithDeals(page);
  await page.goto(`/deals?pipeline=${pipeline.id}`);

  const lead = column(page, "Lead");
  const offer = column(page, "Offer");
  // The first visit loads the deals code on a busy machine: allow it more than the usual wait.
  await expect(lead).toBeVisible({ timeout: 30_000 });
  await expect(countOf(lead)).toHaveText("2");
  await expect(totalOf(lead)).toHaveText("€3,500.00 · Weighted €350.00");
  await expect(offer.getByText("No amount")).toBeVisible();

  if (process.env.SALES_SCREENSHOTS) {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: `${process.env.SALES_SCREENSHOTS}/board-desktop.png` });
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: `${process.env.SALES_SCREENSHOTS}/board-tablet.png` });
    await page.setViewportSize({ width: 1280, height: 720 });
  }

  // Mouse: Alpha (€1,000) from Lead to Offer.
  await drag(page, lead.getByRole("button", { name: new RegExp(`^${alpha.name}`) }), offer);
  await expect(totalOf(lead)).toHaveText("€2,500.00 · Weighted €250.00");
  await expect(totalOf(offer)).toHaveText("€1,000.00 · Weighted €500.00");
  await expect(countOf(offer)).toHaveText("1");
  // The server agrees: a fresh load shows the same.
  await page.reload();
  await expect(column(page, "Offer")).toBeVisible({ timeout: 30_000 });
  await expect(totalOf(column(page, "Offer"))).toHaveText("€1,000.00 · Weighted €500.00");
  await expect(countOf(column(page, "Lead"))).toHaveText("1");

  // Keyboard: pick Beta up with Space, one stage to the right, drop with Space.
  const betaCard = column(page, "Lead").getByRole("button", { name: new RegExp(`^${beta.name}`) });
  const announced = (text: string) => expect(page.locator("[role=status][aria-live]").filter({ hasText: text })).toHaveCount(1);
  await betaCard.focus();
  await page.keyboard.press("Space");
  // Like a screen-reader user, wait until the card is picked up before moving it: an arrow key
  // pressed before dnd-kit's keyboard sensor listens would be lost on a busy machine.
  await expect(betaCard).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("ArrowRight");
  await announced(`${beta.name} is over Offer`);
  await page.keyboard.press("Space");
  await expect(countOf(column(page, "Offer"))).toHaveText("2");
  await expect(totalOf(column(page, "Offer"))).toHaveText("€3,500.00 · Weighted €1,750.00");
  await expect(column(page, "Lead").getByText("No deals")).toBeVisible();
  // Screen readers heard where it went.
  await announced(`${beta.name} was dropped in Offer`);

  // Dropping on Lost asks why; the reason is kept.
  const betaInOffer = column(page, "Offer").getByRole("button", { name: new RegExp(`^${beta.name}`) });
  // The board refreshes after the move (and again on its realtime event): pick up once it is settled.
  await expect(page.getByRole("region", { name: `${pipeline.name} board` })).not.toHaveAttribute("aria-busy", "true");
  await betaInOffer.focus();
  await page.keyboard.press("Space");
  await expect(betaInOffer).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("ArrowRight");
  await announced(`${beta.name} is over Won`);
  await page.keyboard.press("ArrowRight");
  await announced(`${beta.name} is over Lost`);
  await page.keyboard.press("Space");
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("textbox", { name: "Lost reason" }).fill("Chose a comp");
  await dialog.getByRole("option", { name: "Chose a competitor" }).click();
  await dialog.getByRole("button", { name: "Mark as lost" }).click();
  await expect(countOf(column(page, "Lost"))).toHaveText("1");

  // The deal page: the stage steps show where Alpha is.
  await column(page, "Offer").getByRole("link", { name: alpha.name }).click();
  await expect(page).toHaveURL(new RegExp(`/deals/${alpha.id}$`));
  await expect(page.getByRole("heading", { level: 2, name: alpha.name })).toBeVisible();
  await expect(page.getByRole("button", { name: "Offer (current stage)" })).toHaveAttribute("aria-current", "step");
  await expect(page.getByTestId("deal-amount")).toHaveText("€1,000.00");
  await expect(page.getByRole("heading", { name: "Stage history" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Timeline" })).toBeVisible();

  // Lost with its reason, on its own page.
  await page.goto(`/deals/${beta.id}`);
  await expect(page.getByText("Lost: Chose a competitor")).toBeVisible();
});

test("a filtered deals board is saved as a view, reopened from the view menu, and its changes saved", async ({ page }) => {
  test.slow();
  await signIn(page, DEMO_ADMIN);
  await expect(page.getByRole("button", { name: "Account menu" })).toBeVisible();
  const { pipeline, alpha } = await pipelineWithDeals(page);
  await page.goto(`/deals?pipeline=${pipeline.id}`);
  const lead = column(page, "Lead");
  await expect(lead).toBeVisible({ timeout: 30_000 });
  await expect(countOf(lead)).toHaveText("2");

  // A condition of the filter builder: name contains "Alpha".
  await page.getByRole("button", { name: "More filters" }).click();
  const choose = async (label: string, option: string) => {
    await page.getByRole("textbox", { name: label, exact: true }).click();
    await page.getByRole("option", { name: option, exact: true }).click();
  };
  await choose("Field", "Name");
  await choose("Operator", "contains");
  await page.getByRole("textbox", { name: "Value" }).fill("Alpha");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("Name contains Alpha")).toBeVisible();
  await expect(countOf(lead)).toHaveText("1");

  const viewName = `Alpha deals ${unique()}`;
  await page.getByRole("button", { name: "Save view" }).click();
  await page.getByRole("dialog").getByLabel("View name").fill(viewName);
  await page.getByRole("dialog").getByRole("button", { name: "Save view" }).click();
  await expect(page).toHaveURL(/savedView=/);

  // From the plain deals page, the view brings back its pipeline and its filter.
  await page.goto("/deals");
  await page.getByRole("button", { name: /^Saved views: All deals/ }).click();
  await page.getByRole("menuitem", { name: viewName }).click();
  await expect(page.getByRole("region", { name: `${pipeline.name} board` })).toBeVisible();
  await expect(countOf(column(page, "Lead"))).toHaveText("1");
  await expect(column(page, "Lead").getByRole("button", { name: new RegExp(`^${alpha.name}`) })).toBeVisible();

  // Switching to the list changes the view; saving keeps it for the next visit.
  await page.getByText("List", { exact: true }).click();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText(`View “${viewName}” updated`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  const viewId = new URL(page.url()).searchParams.get("savedView");
  await page.goto(`/deals?savedView=${viewId}`);
  await page.getByRole("button", { name: `Saved views: ${viewName}` }).click();
  await page.getByRole("menuitem", { name: viewName }).click();
  await expect(page.getByRole("table", { name: "Deals" })).toBeVisible();
  await expect(page.getByRole("link", { name: alpha.name })).toBeVisible();
  await expect(page.getByRole("row")).toHaveCount(2);
});

test("a note logged on a deal's page shows in the deal's timeline and on its company's", async ({ page }) => {
  await signIn(page, DEMO_ADMIN);
  await expect(page.getByRole("button", { name: "Account menu" })).toBeVisible();
  const { pipeline } = await pipelineWithDeals(page);
  const company = await api<{ id: string; name: string }>(page, "POST", "/api/v1/companies", { name: `Timeline Works ${unique()}` });
  const deal = await api<{ id: string; name: string }>(page, "POST", "/api/v1/deals", {
    name: `Timeline deal ${unique()}`,
    pipelineId: pipeline.id,
    amountMinor: 50_000,
    currency: "EUR",
    companyId: company.id,
  });
  await page.goto(`/deals/${deal.id}`);
  await expect(page.getByRole("heading", { level: 2, name: deal.name })).toBeVisible({ timeout: 30_000 });
  const composer = page.getByRole("form", { name: "Log an interaction" });
  const note = `Asked for a second quote ${unique()}`;
  await composer.getByRole("textbox", { name: "Note" }).fill(note);
  await composer.getByRole("button", { name: "Add note" }).click();
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline.getByText(note)).toBeVisible();
  await expect(timeline.getByRole("link", { name: `with ${company.name}` }).first()).toBeVisible();

  await page.goto(`/companies/${company.id}`);
  await expect(page.getByRole("list", { name: "Interactions, newest first" }).getByText(note)).toBeVisible({ timeout: 30_000 });
});
