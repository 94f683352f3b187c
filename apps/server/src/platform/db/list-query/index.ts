export { filterCondition, keysetCondition, orderBy, sortValueColumns } from "./build.js";
export { CAST, col, customFieldDef, type FieldDef, type FieldType, OPERATORS } from "./fields.js";
export { decodeCursor, encodeCursor, type Filter, parseFilters, parseSort, type SortKey } from "./parse.js";
export { type ListSpec, runList } from "./run-list.js";
