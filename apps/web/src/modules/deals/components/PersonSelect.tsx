import { Loader, Select, type SelectProps } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMemo, useState } from "react";
import { usePersonOptions } from "../../records/queries/records.queries";

type Props = Omit<SelectProps, "data" | "value" | "onChange" | "searchValue" | "onSearchChange"> & {
  value: string | null;
  /** The name of the chosen person when known (it may not be among the search results). */
  valueLabel?: string | null | undefined;
  onChange: (contactId: string | null, name: string | null) => void;
};

/** Picks a person by typing part of the name (searched on the server). */
export function PersonSelect({ value, valueLabel, onChange, ...props }: Props) {
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 200);
  const options = usePersonOptions(debounced);
  const data = useMemo(() => {
    const list = (options.data ?? []).map((c) => ({ value: c.id, label: c.name }));
    if (value && !list.some((o) => o.value === value)) list.unshift({ value, label: valueLabel ?? value });
    return list;
  }, [options.data, value, valueLabel]);
  return (
    <Select
      searchable
      clearable
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id, option) => onChange(id, option?.label ?? null)}
      filter={({ options: all }) => all}
      rightSection={options.isFetching ? <Loader size={14} aria-hidden /> : undefined}
      comboboxProps={{ withinPortal: true }}
      {...props}
    />
  );
}
