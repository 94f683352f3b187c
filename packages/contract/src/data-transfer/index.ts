export * from "./data-transfer.endpoints.js";
export * from "./data-transfer.schemas.js";
