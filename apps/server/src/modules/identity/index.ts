/** Identity resolution: identities of people, duplicate detection, review, merges and their undo. */

export { BLOCK_CAP, detectFor } from "./detection.js";
export { autoMergeable, identityConsumer, touchedContacts } from "./identity.consumer.js";
export { identityJobs, runScan } from "./identity.jobs.js";
export { identityEventRule } from "./identity.policy.js";
export { registerIdentityRoutes } from "./identity.routes.js";
export { scanWorkspace } from "./workspace-scan.js";
