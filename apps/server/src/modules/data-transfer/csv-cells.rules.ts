/**
 * How values become CSV cells and back, shared by export and import so a file written by
 * Rapport reads back to exactly the stored values.
 *
 * Formula neutralisation (SECURITY.md): a spreadsheet runs a cell starting with `=`, `+`,
 * `-`, `@`, tab or CR as a formula. Export prefixes such a cell with `'`. To keep this
 * reversible, a value that already starts with apostrophes followed by one of those
 * characters gets one more apostrophe; the importer removes exactly one apostrophe from a
 * cell that starts with apostrophes followed by one of them. Every other cell is untouched.
 */
const TRIGGER = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return TRIGGER.test(value) ? `'${value}` : value;
}

export function restoreCell(cell: string): string {
  return NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}

/** Multi-valued fields (emails, phones, tags, multi-selects) share one cell, joined by "; ". */
export const MULTI_SEPARATOR = "; ";

export function joinMulti(values: readonly string[]): string {
  return values.join(MULTI_SEPARATOR);
}

export function splitMulti(cell: string): string[] {
  return cell
    .split(";")
    .map((v) => v.trim())
    .filter(Boolean);
}
