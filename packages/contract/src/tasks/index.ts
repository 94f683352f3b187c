export * from "./tasks.endpoints.js";
export * from "./tasks.schemas.js";
