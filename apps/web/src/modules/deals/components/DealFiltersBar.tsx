import { Button, Group, Pill, Select, Switch, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { IconFilterOff, IconSearch } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { CompanySelect } from "../../records/components/CompanySelect";
import { UserSelect } from "../../records/components/UserSelect";
import { FilterBuilder } from "../../records/list/FilterBuilder";
import { describeFilter } from "../../records/list/filters";
import { recordsTexts } from "../../records/records.texts";
import { dealsTexts } from "../deals.texts";
import { type DealFilters, hasFilters } from "../queries/deal-filters";
import { useDealFields } from "../queries/deals.queries";

const texts = dealsTexts.filters;

/**
 * Fields the builder leaves out: the page's own (pipeline, stage columns), those the bar has,
 * and those without a fitting input (a person id, an amount in minor units).
 */
const NOT_IN_BUILDER = new Set(["pipelineId", "stageId", "contactId", "ownerId", "companyId", "rotting", "amountMinor", "deletedAt"]);

/**
 * Search, owner, company, expected close range and "rotting only"; the list adds a status. "More
 * filters" adds conditions on the other deal fields (region, source, dates…), shown as chips.
 */
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
  const allFields = useDealFields();
  const fields = useMemo(() => (allFields.data ?? []).filter((f) => !NOT_IN_BUILDER.has(f.key)), [allFields.data]);
  const conditions = filters.conditions ?? [];
  return (
    <>
      <Group gap="xs" align="flex-end" role="group" aria-label={texts.label} mb={conditions.length > 0 ? "xs" : "md"} wrap="wrap">
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
        <FilterBuilder fields={fields} filters={conditions} onChange={(next) => set({ conditions: next })} size="xs" label={texts.more} />
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
      {conditions.length > 0 && (
        <Group gap={6} wrap="wrap" mb="md">
          {conditions.map((condition, index) => {
            const text = describeFilter(
              condition,
              fields.find((f) => f.key === condition.field),
              (v) => v,
            );
            return (
              <Pill
                // biome-ignore lint/suspicious/noArrayIndexKey: a condition's position is its identity
                key={index}
                size="md"
                withRemoveButton
                onRemove={() => set({ conditions: conditions.filter((_, i) => i !== index) })}
                removeButtonProps={{ "aria-label": recordsTexts.filters.removeChip(text) }}
              >
                {text}
              </Pill>
            );
          })}
        </Group>
      )}
    </>
  );
}
