/** Deals: pipelines and stages, deals with contacts, line items and stage history, the board. */
export { dealContext } from "./commands/deal-context.js";
export { moveDeal } from "./commands/move-deal.js";
export { createDeal } from "./commands/save-deal.js";
export { createPipeline } from "./commands/save-pipeline.js";
export { type DealFacts, dealFacts, type StageFacts } from "./deal-facts.js";
export { dealTaskLink } from "./deal-task-link.js";
export { dealFields } from "./deals.fields.js";
export { dealEventRule, salesConfigEventRule } from "./deals.policy.js";
export { registerDealRoutes } from "./deals.routes.js";
export { dealSearchResolver } from "./deals.search.js";
export { dealSummary } from "./deals.summary.js";
export { registerPipelineRoutes } from "./pipelines.routes.js";
