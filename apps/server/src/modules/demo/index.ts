/** Demo data: the workspace seeded on first start so every page shows something real. */
export { DEMO, seedDemoWorkspace, seedDemoWorkspaceIfEmpty } from "./seed-demo.js";
export { LARGE, seedLargeWorkspace } from "./seed-large.js";
