export * from "./identity.endpoints.js";
export * from "./identity.schemas.js";
