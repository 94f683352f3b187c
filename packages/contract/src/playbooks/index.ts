export * from "./playbooks.endpoints.js";
export * from "./playbooks.schemas.js";
