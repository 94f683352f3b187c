export * from "./products.schemas.js";
export * from "./sales.endpoints.js";
export * from "./sales.schemas.js";
