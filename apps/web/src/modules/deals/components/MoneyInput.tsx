import { NumberInput, type NumberInputProps } from "@mantine/core";
import { fractionDigits, toMajor, toMinor } from "../money-input";

type Props = Omit<NumberInputProps, "value" | "onChange"> & {
  /** Minor units, or null when empty. */
  value: number | null;
  currency: string;
  onChange: (minor: number | null) => void;
};

/** An amount typed in major units (with the currency's decimals), held as integer minor units. */
export function MoneyInput({ value, currency, onChange, ...props }: Props) {
  const digits = fractionDigits(currency);
  return (
    <NumberInput
      value={value === null ? "" : toMajor(value, currency)}
      onChange={(v) => onChange(typeof v === "number" ? toMinor(v, currency) : v === "" ? null : toMinor(Number(v), currency))}
      decimalScale={digits}
      min={0}
      thousandSeparator
      allowNegative={false}
      {...props}
    />
  );
}
