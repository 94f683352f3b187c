/** People: the contacts of the workspace, their companies, lists, search and the 360° page. */
export { contactContext, createContact, updateContact } from "./commands/save-contact.js";
export { nationalNumber, normaliseEmails, normalisePhones } from "./contact-values.rules.js";
export { contactFields, presentFields } from "./contacts.fields.js";
export { companyLinkMergeParticipant, contactRowSnapshot, markContactMerged, restoreContactSnapshot } from "./contacts.merge.js";
export { presentContact } from "./contacts.presenter.js";
export { type ContactRow, contactsRepository } from "./contacts.repository.js";
export { registerContactRoutes } from "./contacts.routes.js";
export { contactSearchResolver, contactTokens } from "./contacts.search.js";
