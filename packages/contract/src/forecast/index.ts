export * from "./forecast.endpoints.js";
export * from "./forecast.schemas.js";
