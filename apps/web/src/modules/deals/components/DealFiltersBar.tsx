import { Button, Group, Select, Switch, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { IconFilterOff, IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import { CompanySelect } from "../../records/components/CompanySelect";
import { UserSelect } from "../../records/components/UserSelect";
import { dealsTexts } from "../deals.texts";
import { type DealFilters, hasFilters } from "../queries/deal-filters";

const texts = dealsTexts.filters;

/** Search, owner, company, expected close range and "rotting only"; the list adds a status. */
export function DealFiltersBar({
  filters,
  onChange,
  withStatus = false,
}: {
  filters: DealFilters;
  onChange: (next: DealFilters) => void;
  withStatus?: boolean;
}) {
  const [q, setQ] = useState(filters.q ?? "");
  const [companyName, setCompanyName] = useState<string | undefined>(undefined);
  const commitQ = useDebouncedCallback((value: string) => onChange({ ...filters, q: value }), 300);
  const set = (patch: DealFilters) => onChange({ ...filters, ...patch });
  return (
    <Group gap="xs" align="flex-end" role="group" aria-label={texts.label} mb="md" wrap="wrap">
      <TextInput
        label={texts.search}
        leftSection={<IconSearch size={14} aria-hidden />}
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          commitQ(e.currentTarget.value);
        }}
        w={200}
        size="xs"
        maxLength={200}
      />
      <UserSelect
        label={texts.owner}
        value={filters.ownerId ?? null}
        onChange={(id) => set({ ownerId: id ?? undefined })}
        size="xs"
        w={170}
        clearable
      />
      <CompanySelect
        label={texts.company}
        value={filters.companyId ?? null}
        valueLabel={companyName}
        onChange={(id, name) => {
          setCompanyName(name ?? undefined);
          set({ companyId: id ?? undefined });
        }}
        size="xs"
        w={190}
      />
      <TextInput
        type="date"
        label={texts.closeFrom}
        value={filters.closeFrom ?? ""}
        onChange={(e) => set({ closeFrom: e.currentTarget.value || undefined })}
        size="xs"
        w={150}
      />
      <TextInput
        type="date"
        label={texts.closeTo}
        value={filters.closeTo ?? ""}
        onChange={(e) => set({ closeTo: e.currentTarget.value || undefined })}
        size="xs"
        w={150}
      />
      {withStatus && (
        <Select
          label={dealsTexts.list.statusFilter}
          data={[
            { value: "", label: dealsTexts.list.anyStatus },
            ...["open", "won", "lost"].map((s) => ({ value: s, label: dealsTexts.status[s] ?? s })),
          ]}
          value={filters.status ?? ""}
          onChange={(v) => set({ status: v || undefined })}
          size="xs"
          w={130}
          allowDeselect={false}
        />
      )}
      <Switch
        label={texts.rotting}
        checked={filters.rotting ?? false}
        onChange={(e) => set({ rotting: e.currentTarget.checked })}
        size="sm"
        mb={6}
      />
      {hasFilters(filters) && (
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconFilterOff size={14} aria-hidden />}
          onClick={() => {
            setQ("");
            onChange({});
          }}
        >
          {texts.clear}
        </Button>
      )}
    </Group>
  );
}
