/**
 * Playbooks: guidance and steps per stage of a pipeline, with regional variants; the
 * automation that turns steps into tasks when deals enter stages (playbookConsumer).
 */

export { createPlaybook, playbookContext } from "./commands/save-playbook.js";
export { putVariant } from "./commands/save-variant.js";
export { playbookConsumer } from "./playbooks.consumer.js";
export { registerPlaybookRoutes } from "./playbooks.routes.js";
