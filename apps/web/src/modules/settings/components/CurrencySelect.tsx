import { Select, type SelectProps } from "@mantine/core";
import { useMemo } from "react";
import { currencyCodes, currencyName } from "../../../platform/format/currency";

type Props = Omit<SelectProps, "data" | "onChange" | "value"> & { value: string; onChange: (code: string) => void };

/** ISO 4217 currencies, named in the browser's language, searchable by code or name. */
export function CurrencySelect({ value, onChange, ...rest }: Props) {
  const data = useMemo(() => {
    const codes = currencyCodes();
    if (value && !codes.includes(value)) codes.unshift(value);
    return codes.map((code) => ({ value: code, label: `${code} — ${currencyName(code)}` }));
  }, [value]);
  return (
    <Select
      {...rest}
      data={data}
      value={value}
      searchable
      allowDeselect={false}
      nothingFoundMessage="—"
      onChange={(v) => v && onChange(v)}
      limit={50}
    />
  );
}
