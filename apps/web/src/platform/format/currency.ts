// Currency names for pickers, in the browser's locale.

let names: Intl.DisplayNames | null = null;

export function currencyName(code: string): string {
  try {
    names ??= new Intl.DisplayNames(undefined, { type: "currency" });
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

const fallback = ["AUD", "BRL", "CAD", "CHF", "CNY", "DKK", "EUR", "GBP", "INR", "JPY", "NOK", "PLN", "SEK", "USD"];

/** Every ISO 4217 code the browser knows, sorted. */
export function currencyCodes(): string[] {
  try {
    return Intl.supportedValuesOf("currency");
  } catch {
    return fallback;
  }
}
