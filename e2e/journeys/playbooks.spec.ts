import { expect, type Page, test } from "@playwright/test";
import { DEMO_ADMIN, signIn } from "./demo.js";

/** Calls the API with the page's session, as the web app does (CSRF header on changes). */
async function api<T>(page: Page, method: "GET" | "POST" | "PUT", path: string, data?: unknown): Promise<T> {
  const response = await page.request.fetch(path, {
    method,
    data,
    headers: method === "GET" ? {} : { "X-Requested-With": "rapport", "Idempotency-Key": crypto.randomUUID() },
  });
  expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

type Pipeline = { id: string; stages: { id: string; name: string }[] };
const step = (key: string, title: string, dueInDays: number) => ({ key, title, description: "", dueInDays });

test("a deal moved into a stage gets its region's playbook steps as tasks, the next one when a step is done", async ({ page }) => {
  await signIn(page, DEMO_ADMIN);
  await expect(page.getByRole("button", { name: "Account menu" })).toBeVisible();
  const me = await api<{ user: { id: string } }>(page, "GET", "/api/v1/me");
  const run = Math.random().toString(36).slice(2, 8);
  const pipeline = await api<Pipeline>(page, "POST", "/api/v1/pipelines", { name: `Playbook journey ${run}` });
  const stage = (name: string) => pipeline.stages.find((s) => s.name === name)?.id as string;
  const playbook = await api<{ id: string }>(page, "POST", "/api/v1/playbooks", {
    pipelineId: pipeline.id,
    name: `Journey playbook ${run}`,
    stages: [
      {
        stageId: stage("Proposal"),
        sequential: true,
        guidance: "<p>Discounts above <strong>15 %</strong> need approval.</p>",
        steps: [step("draft-quote", "Draft the quote", 2), step("present", "Present the proposal", 5)],
      },
    ],
  });
  await api(page, "PUT", `/api/v1/playbooks/${playbook.id}/variants/EMEA`, {
    name: "Europe",
    stages: [{ stageId: stage("Proposal"), steps: [{ ...step("dpa", "Attach the DPA", 1), afterKey: "draft-quote" }] }],
  });
  const deal = await api<{ id: string }>(page, "POST", "/api/v1/deals", {
    name: `Journey deal ${run}`,
    pipelineId: pipeline.id,
    currency: "EUR",
    amountMinor: 100000,
    ownerId: me.user.id,
    region: "EMEA",
  });
  // Move the deal as the board does.
  await api(page, "POST", `/api/v1/deals/${deal.id}/stage`, { stageId: stage("Proposal") });

  await page.goto(`/playbooks/deal/${deal.id}`);
  const panel = page.getByRole("region", { name: "Playbook" });
  await expect(panel.getByText("Variant: Europe")).toBeVisible();
  await expect(panel.getByText("need approval")).toBeVisible();
  const first = panel.locator('[data-step="draft-quote"]');
  // The worker creates the first step's task within a moment of the move.
  await expect(first.getByText("Open", { exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(panel.locator('[data-step="dpa"]').getByText("Not started")).toBeVisible();

  const state = await api<{ playbook: { steps: { key: string; task: { id: string } | null }[] } }>(
    page,
    "GET",
    `/api/v1/deals/${deal.id}/playbook`,
  );
  const taskId = state.playbook.steps.find((s) => s.key === "draft-quote")?.task?.id as string;
  await api(page, "POST", `/api/v1/tasks/${taskId}/complete`, {});
  // Completing the step creates the region's next one (the DPA step added by the variant).
  await expect(async () => {
    await page.reload();
    await expect(panel.locator('[data-step="dpa"]').getByText("Open", { exact: true })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(first.getByText("Done")).toBeVisible();
  await expect(panel.locator('[data-step="present"]').getByText("Not started")).toBeVisible();
});
