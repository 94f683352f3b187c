/** Search: the token index kept with each record, and typo-tolerant lookups over it. */
export { highlightRanges } from "./highlight.js";
export { registerSearchRoutes } from "./search.routes.js";
export { type ResolvedRecord, type SearchResolver, SearchService } from "./search.service.js";
export { type EntityCode, indexRecord, newRecordIndexWrites, recordTokens, type SearchEntity, unindexRecords } from "./search-index.js";
export { domainTokens, emailTokens, fold, nameTokens, phoneTokens, type Token, tagTokens, textTokens, words } from "./tokenize.js";
export { VocabularyCache } from "./vocabulary-cache.js";
