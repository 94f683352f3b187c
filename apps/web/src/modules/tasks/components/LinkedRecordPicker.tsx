import { Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { searchEndpoints } from "@rapport/contract";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { apiCall } from "../../../platform/api/api-client";
import { tasksTexts } from "../tasks.texts";

export type LinkedRef = { type: "contact" | "company" | "deal"; id: string; name: string };

/** Picks the person, company or deal a task is about, by typing part of a name. */
export function LinkedRecordPicker({ value, onChange }: { value: LinkedRef | null; onChange: (v: LinkedRef | null) => void }) {
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 250);
  const hits = useQuery({
    queryKey: ["tasks", "record-search", q],
    queryFn: ({ signal }) => apiCall(searchEndpoints.search, { query: { q, limit: 8, types: "contact,company,deal" }, signal }),
    enabled: q.length >= 2,
    meta: { notifyErrors: false },
  });
  const options = useMemo(() => {
    const found = (hits.data?.items ?? []).map((h) => ({
      value: `${h.type}:${h.id}`,
      label: h.title,
      ref: { type: h.type, id: h.id, name: h.title },
    }));
    if (value && !found.some((o) => o.value === `${value.type}:${value.id}`)) {
      found.unshift({ value: `${value.type}:${value.id}`, label: value.name, ref: value });
    }
    return found;
  }, [hits.data, value]);
  return (
    <Select
      label={tasksTexts.quickAdd.linked}
      placeholder={tasksTexts.quickAdd.linkedPlaceholder}
      searchable
      clearable
      data={options.map(({ value: v, label }) => ({ value: v, label }))}
      value={value ? `${value.type}:${value.id}` : null}
      searchValue={search}
      onSearchChange={setSearch}
      // The server already matched; don't filter its hits again by the label.
      filter={({ options: o }) => o}
      onChange={(v) => onChange(options.find((o) => o.value === v)?.ref ?? null)}
      nothingFoundMessage={q.length >= 2 && !hits.isFetching ? "—" : undefined}
    />
  );
}
