/** Companies: the organisations of the workspace, their people, lists, search and the 360° page. */
export { type CompanyContext, companyContext, createCompany, updateCompany } from "./commands/save-company.js";
export { companyFields } from "./companies.fields.js";
export { companySnapshot, presentCompany } from "./companies.presenter.js";
export { type CompanyRow, companiesRepository } from "./companies.repository.js";
export { registerCompanyRoutes } from "./companies.routes.js";
export { companySearchResolver, companyTokens } from "./companies.search.js";
