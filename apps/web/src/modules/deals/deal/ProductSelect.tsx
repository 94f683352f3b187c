import { Loader, Select, type SelectProps } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import type { Product } from "@rapport/contract";
import { useMemo, useState } from "react";
import { dealsTexts } from "../deals.texts";
import { useProductOptions } from "../queries/products.queries";

type Props = Omit<SelectProps, "data" | "value" | "onChange" | "searchValue" | "onSearchChange"> & {
  value: string | null;
  valueLabel?: string | undefined;
  onChange: (product: Product | null) => void;
};

/** Picks an active product by code or name (searched on the server). */
export function ProductSelect({ value, valueLabel, onChange, ...props }: Props) {
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 200);
  const options = useProductOptions(debounced === valueLabel ? "" : debounced);
  const byId = useMemo(() => new Map((options.data ?? []).map((p) => [p.id, p])), [options.data]);
  const data = useMemo(() => {
    const list = (options.data ?? []).map((p) => ({ value: p.id, label: `${p.code} — ${p.name}` }));
    if (value && !list.some((o) => o.value === value)) list.unshift({ value, label: valueLabel ?? value });
    return list;
  }, [options.data, value, valueLabel]);
  return (
    <Select
      searchable
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => onChange(id ? (byId.get(id) ?? null) : null)}
      filter={({ options: all }) => all}
      rightSection={options.isFetching ? <Loader size={14} aria-hidden /> : undefined}
      nothingFoundMessage={dealsTexts.items.noProducts}
      comboboxProps={{ withinPortal: true }}
      {...props}
    />
  );
}
