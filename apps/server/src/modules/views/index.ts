/** Saved views: named columns, filters and sort of the people, company and deal lists, personal or shared. */
export { canSeeViewEvent } from "./views.policy.js";
export { registerViewRoutes } from "./views.routes.js";
