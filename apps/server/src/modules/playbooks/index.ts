/**
 * Playbooks: guidance and steps per stage of a pipeline, with regional variants; the
 * automation that turns steps into tasks when deals enter stages (playbookConsumer).
 */
export { dealTaskLink } from "./deal-task-link.js";
export { playbookConsumer } from "./playbooks.consumer.js";
export { registerPlaybookRoutes } from "./playbooks.routes.js";
