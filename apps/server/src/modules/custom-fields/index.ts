/** Custom fields: definitions per object, validation of values, list fields from them. */
export { type CustomFieldRow, customFieldsRepository } from "./custom-fields.repository.js";
export { registerCustomFieldRoutes } from "./custom-fields.routes.js";
export { type CustomFieldDefinition, validateCustomValues } from "./custom-values.rules.js";
export { CustomFieldDefinitions } from "./definitions-cache.js";
