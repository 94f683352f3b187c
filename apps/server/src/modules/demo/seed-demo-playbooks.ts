import type { Transaction } from "kysely";
import type { Principal } from "../../platform/auth/principal.js";
import type { DB } from "../../platform/db/schema.js";
import { createPlaybook, playbookContext, putVariant } from "../playbooks/index.js";

const step = (key: string, title: string, description: string, dueInDays: number) => ({ key, title, description, dueInDays });

/** The global sales playbook, per stage name of the demo "Sales" pipeline. */
const GLOBAL: Record<string, { guidance: string; sequential: boolean; steps: ReturnType<typeof step>[] }> = {
  Qualification: {
    guidance:
      "<h3>Goal</h3><p>Find out within a week whether there is a real project: a <strong>need</strong>, a <strong>budget</strong>, a <strong>decision maker</strong> and a <strong>date</strong>.</p><ul><li>Ask what happens if they do nothing.</li><li>Note the competitors they talk to.</li></ul>",
    sequential: true,
    steps: [
      step("discovery-call", "Discovery call", "30 minutes with the contact: current process, pain, timeline.", 2),
      step("qualify-budget", "Confirm budget and decision maker", "Who signs, and from which budget line? Record it on the deal.", 5),
      step("log-competitors", "Log competitors", "Add the vendors they evaluate to the deal notes.", 7),
    ],
  },
  "Needs analysis": {
    guidance:
      "<p>Map requirements to our modules. Involve a solution engineer for anything beyond the standard integrations.</p><blockquote>Rule: no proposal without a written requirements summary agreed by the customer.</blockquote>",
    sequential: true,
    steps: [
      step("requirements-workshop", "Requirements workshop", "Run the workshop with the customer's team; use the workshop template.", 5),
      step("requirements-summary", "Send the requirements summary", "One page, confirmed by the customer in writing.", 3),
    ],
  },
  Proposal: {
    guidance:
      "<p>Build the quote from the price list. Discounts above <strong>15 %</strong> need a manager's approval before the proposal leaves the house.</p>",
    sequential: false,
    steps: [
      step("draft-quote", "Draft the quote", "Line items from the price list, in the customer's currency.", 2),
      step("approve-discount", "Get discount approval", "Only when the discount is above 15 %.", 3),
      step("present-proposal", "Present the proposal", "Walk the decision maker through it; do not just email it.", 7),
    ],
  },
  Negotiation: {
    guidance: "<p>Trade, don't give: every concession gets something back (term, volume, reference).</p>",
    sequential: true,
    steps: [
      step("legal-review", "Contract to legal review", "Send the customer's redlines to legal.", 3),
      step("final-terms", "Agree final terms", "Confirm price, term and start date in writing.", 7),
    ],
  },
  Won: {
    guidance: "<p>Hand the customer over to onboarding within two working days and thank the champion.</p>",
    sequential: true,
    steps: [],
  },
};

/**
 * The demo playbook of the "Sales" pipeline with two regional variants matching the demo
 * deals' regions (EMEA, Americas): its steps become tasks as demo deals enter stages.
 */
export async function seedDemoPlaybooks(tx: Transaction<DB>, admin: Principal) {
  const ws = admin.workspaceId;
  const pipeline = await tx
    .selectFrom("pipelines")
    .select("id")
    .where("workspace_id", "=", ws)
    .where("name", "=", "Sales")
    .executeTakeFirst();
  if (!pipeline) return;
  const stages = await tx
    .selectFrom("pipeline_stages")
    .select(["id", "name"])
    .where("workspace_id", "=", ws)
    .where("pipeline_id", "=", pipeline.id)
    .execute();
  const idOf = (name: string) => stages.find((s) => s.name === name)?.id;
  const ctx = playbookContext(tx, admin);
  const playbook = await createPlaybook(ctx, {
    pipelineId: pipeline.id,
    name: "Sales playbook",
    stages: Object.entries(GLOBAL).flatMap(([name, s]) => {
      const stageId = idOf(name);
      return stageId ? [{ stageId, ...s }] : [];
    }),
  });
  const qualification = idOf("Qualification");
  const proposal = idOf("Proposal");
  const negotiation = idOf("Negotiation");
  if (!qualification || !proposal || !negotiation) return;
  await putVariant(ctx, playbook.id, "EMEA", {
    name: "Europe (EMEA)",
    stages: [
      {
        stageId: qualification,
        guidance: null,
        sequential: null,
        removeStepKeys: [],
        steps: [
          {
            ...step(
              "gdpr-consent",
              "Check GDPR consent",
              "Make sure consent for follow-up emails is recorded before the first campaign touch.",
              2,
            ),
            afterKey: "discovery-call",
          },
        ],
      },
      {
        stageId: negotiation,
        guidance:
          "<p>In Germany and Austria, involve the <strong>works council</strong> early when the software records employee activity; budget four weeks for it.</p>",
        sequential: null,
        removeStepKeys: [],
        steps: [
          {
            ...step(
              "works-council",
              "Works council information",
              "Send the data processing description to the customer's works council.",
              5,
            ),
            afterKey: "legal-review",
          },
          {
            ...step("legal-review", "Contract and DPA to legal review", "Include the data processing agreement (Art. 28 GDPR).", 3),
            afterKey: null,
          },
        ],
      },
    ],
  });
  await putVariant(ctx, playbook.id, "AMERICAS", {
    name: "Americas",
    stages: [
      {
        stageId: proposal,
        guidance: "<p>Quote in USD. Procurement usually needs a W-9 and a security questionnaire with the proposal.</p>",
        sequential: null,
        removeStepKeys: ["approve-discount"],
        steps: [
          { ...step("security-questionnaire", "Answer the security questionnaire", "Use the SOC 2 answer library.", 5), afterKey: null },
        ],
      },
    ],
  });
}
