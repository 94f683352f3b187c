// Numbers and money in the browser's locale.

const integer = new Intl.NumberFormat(undefined);
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(value: number): string {
  return integer.format(value);
}

/** Money is stored as integer minor units plus an ISO 4217 currency. */
export function formatMoney(minorUnits: number, currency: string): string {
  let format = moneyFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat(undefined, { style: "currency", currency });
    moneyFormats.set(currency, format);
  }
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minorUnits / 10 ** digits);
}
