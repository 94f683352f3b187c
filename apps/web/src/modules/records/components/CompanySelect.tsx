import { Loader, Select, type SelectProps } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMemo, useState } from "react";
import { useCompanyOptions } from "../queries/records.queries";
import { recordsTexts } from "../records.texts";

type Props = Omit<SelectProps, "data" | "value" | "onChange" | "searchValue" | "onSearchChange"> & {
  value: string | null;
  /** The name of the chosen company when it is known (it may not be among the search results). */
  valueLabel?: string | undefined;
  onChange: (companyId: string | null, name: string | null) => void;
};

/** Picks a company by typing part of its name (searched on the server, typo-tolerant). */
export function CompanySelect({ value, valueLabel, onChange, ...props }: Props) {
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 200);
  // While the field shows the chosen name, list companies as if nothing was typed.
  const query = debounced === valueLabel ? "" : debounced;
  const options = useCompanyOptions(query);
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
      nothingFoundMessage={options.isFetching ? recordsTexts.common.loading : recordsTexts.companies.nothingFound}
      comboboxProps={{ withinPortal: true }}
      {...props}
    />
  );
}
