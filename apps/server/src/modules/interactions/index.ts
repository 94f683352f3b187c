/** Interactions: the timeline of calls, meetings, notes, emails … of people and companies, with @mentions. */
export { createInteraction, deleteInteraction, interactionContext, updateInteraction } from "./commands/save-interaction.js";
export { mentionMarkup, parseMentions } from "./interaction.rules.js";
export { interactionMergeParticipant } from "./interactions.merge.js";
export { interactionEventRule } from "./interactions.policy.js";
export { registerInteractionRoutes } from "./interactions.routes.js";
export { interactionSummary } from "./interactions.summary.js";
