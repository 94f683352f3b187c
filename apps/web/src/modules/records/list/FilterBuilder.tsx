import { ActionIcon, Button, Group, MultiSelect, Popover, Select, Stack, TagsInput, Text, TextInput } from "@mantine/core";
import type { FieldInfo } from "@rapport/contract";
import { IconFilter, IconPlus, IconX } from "@tabler/icons-react";
import { type FormEvent, useMemo, useState } from "react";
import { CompanySelect } from "../components/CompanySelect";
import { lifecycleLabel } from "../components/LifecycleBadge";
import { UserSelect } from "../components/UserSelect";
import { useUserDirectory } from "../queries/users.queries";
import { recordsTexts } from "../records.texts";
import {
  choiceOf,
  type FilterCondition,
  filterProblem,
  newFilter,
  operatorChoices,
  splitValues,
  type ValueInput,
  valueInputFor,
  withChoice,
} from "./filters";

const texts = recordsTexts.filters;

type Props = {
  fields: FieldInfo[];
  filters: FilterCondition[];
  onChange: (filters: FilterCondition[]) => void;
  /** The button's size and its label without conditions (default "Filter"). */
  size?: "xs" | "sm";
  label?: string;
};

/**
 * "Filter" button and its popover: conditions of field → operator (of the field's type) →
 * value (an input that fits the type). Edits are drafts until "Apply".
 */
export function FilterBuilder({ fields, filters, onChange, size = "sm", label = texts.button }: Props) {
  const [opened, setOpened] = useState(false);
  const [drafts, setDrafts] = useState<FilterCondition[]>(filters);
  const [showProblems, setShowProblems] = useState(false);
  const byKey = useMemo(() => new Map(fields.map((f) => [f.key, f])), [fields]);
  const fieldOptions = useMemo(() => {
    const builtIn = fields.filter((f) => !f.custom).map((f) => ({ value: f.key, label: f.label }));
    const custom = fields.filter((f) => f.custom).map((f) => ({ value: f.key, label: f.label }));
    return custom.length > 0
      ? [
          { group: recordsTexts.columns.builtIn, items: builtIn },
          { group: recordsTexts.columns.custom, items: custom },
        ]
      : builtIn;
  }, [fields]);

  const open = () => {
    const start = filters.length > 0 ? filters : fields[0] ? [newFilter(fields[0])] : [];
    setDrafts(start);
    setShowProblems(false);
    setOpened(true);
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const problems = drafts.some((d) => filterProblem(d, byKey.get(d.field)));
    if (problems) {
      setShowProblems(true);
      return;
    }
    onChange(drafts);
    setOpened(false);
  };

  const update = (index: number, next: FilterCondition) => setDrafts((all) => all.map((d, i) => (i === index ? next : d)));

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-start" shadow="md" width={620} trapFocus withinPortal>
      <Popover.Target>
        <Button
          variant={filters.length > 0 ? "light" : "default"}
          size={size}
          leftSection={<IconFilter size={size === "xs" ? 14 : 16} aria-hidden />}
          onClick={() => (opened ? setOpened(false) : open())}
          aria-expanded={opened}
        >
          {filters.length > 0 ? texts.buttonCount(filters.length) : label}
        </Button>
      </Popover.Target>
      <Popover.Dropdown maw="calc(100vw - 32px)">
        <form onSubmit={apply} aria-label={texts.title}>
          <Stack gap="xs">
            <Text fw={600} size="sm">
              {texts.title}
            </Text>
            {drafts.length === 0 && (
              <Text size="sm" c="dimmed">
                {texts.none}
              </Text>
            )}
            {drafts.map((draft, index) => {
              const field = byKey.get(draft.field);
              const problem = showProblems ? filterProblem(draft, field) : null;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no id; their position is their identity while editing
                <Group key={index} gap={6} align="flex-start" wrap="nowrap">
                  <Select
                    aria-label={texts.field}
                    data={fieldOptions}
                    value={draft.field}
                    onChange={(key) => {
                      const next = key ? byKey.get(key) : undefined;
                      if (next) update(index, newFilter(next));
                    }}
                    searchable
                    allowDeselect={false}
                    w={170}
                    size="sm"
                    comboboxProps={{ withinPortal: false }}
                  />
                  <Select
                    aria-label={texts.operator}
                    data={field ? operatorChoices(field) : []}
                    value={choiceOf(draft)}
                    onChange={(choice) => choice && update(index, withChoice(draft, choice))}
                    allowDeselect={false}
                    w={150}
                    size="sm"
                    comboboxProps={{ withinPortal: false }}
                  />
                  <div style={{ flex: 1, minWidth: 0 }}>
                    {field && (
                      <FilterValueInput
                        autoFocus={index === drafts.length - 1}
                        fieldKey={field.key}
                        input={valueInputFor(field, draft.op)}
                        value={draft.value}
                        onChange={(value) => update(index, { ...draft, value })}
                        error={problem ?? undefined}
                      />
                    )}
                    {!field && (
                      <Text size="xs" c="red" mt={8}>
                        {texts.unknownField}
                      </Text>
                    )}
                  </div>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    mt={4}
                    aria-label={texts.remove(field?.label ?? draft.field)}
                    onClick={() => setDrafts((all) => all.filter((_, i) => i !== index))}
                  >
                    <IconX size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              );
            })}
            <Group justify="space-between" mt={4}>
              <Group gap="xs">
                <Button
                  variant="subtle"
                  size="xs"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  onClick={() => {
                    const first = fields[0];
                    if (first) setDrafts((all) => [...all, newFilter(first)]);
                  }}
                >
                  {texts.add}
                </Button>
                {drafts.length > 0 && (
                  <Button variant="subtle" size="xs" color="gray" onClick={() => setDrafts([])}>
                    {texts.clearAll}
                  </Button>
                )}
              </Group>
              <Group gap="xs">
                <Button variant="default" size="xs" onClick={() => setOpened(false)}>
                  {recordsTexts.common.cancel}
                </Button>
                <Button type="submit" size="xs">
                  {texts.apply}
                </Button>
              </Group>
            </Group>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}

/** The value part of a condition, shaped by the field type and operator. `in` values are comma-joined. */
function FilterValueInput({
  autoFocus,
  fieldKey,
  input,
  value,
  onChange,
  error,
}: {
  autoFocus: boolean;
  fieldKey: string;
  input: ValueInput;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const { users } = useUserDirectory();
  const label = texts.value;
  // The popover puts focus here first (not on the field list, whose dropdown would pop open).
  const props = { "aria-label": label, size: "sm" as const, error, ...(autoFocus ? { "data-autofocus": true } : {}) };
  switch (input.kind) {
    case "none":
      return null;
    case "options": {
      const data = input.options.map((o) => ({ value: o, label: fieldKey === "lifecycleStage" ? lifecycleLabel(o) : o }));
      return input.multiple ? (
        <MultiSelect
          {...props}
          aria-label={texts.values}
          data={data}
          value={splitValues(value)}
          onChange={(v) => onChange(v.join(","))}
          comboboxProps={{ withinPortal: false }}
        />
      ) : (
        <Select {...props} data={data} value={value || null} onChange={(v) => onChange(v ?? "")} comboboxProps={{ withinPortal: false }} />
      );
    }
    case "boolean":
      return (
        <Select
          {...props}
          data={[
            { value: "true", label: texts.true },
            { value: "false", label: texts.false },
          ]}
          value={value || null}
          onChange={(v) => onChange(v ?? "")}
          comboboxProps={{ withinPortal: false }}
        />
      );
    case "date":
      return <TextInput {...props} type="date" value={value} onChange={(e) => onChange(e.currentTarget.value)} />;
    case "user":
      return input.multiple ? (
        <MultiSelect
          {...props}
          aria-label={texts.values}
          placeholder={texts.pickUser}
          data={users.map((u) => ({ value: u.id, label: u.name }))}
          value={splitValues(value)}
          onChange={(v) => onChange(v.join(","))}
          searchable
          comboboxProps={{ withinPortal: false }}
        />
      ) : (
        <UserSelect
          {...props}
          placeholder={texts.pickUser}
          value={value || null}
          onChange={(v) => onChange(v ?? "")}
          comboboxProps={{ withinPortal: false }}
        />
      );
    case "company":
      return (
        <CompanySelect
          {...props}
          placeholder={texts.pickCompany}
          value={splitValues(value)[0] ?? null}
          onChange={(id) => onChange(id ?? "")}
          comboboxProps={{ withinPortal: false }}
        />
      );
    default:
      return input.multiple ? (
        <TagsInput
          {...props}
          aria-label={texts.values}
          description={texts.valuesHint}
          value={splitValues(value)}
          onChange={(v) => onChange(v.join(","))}
          splitChars={[","]}
          acceptValueOnBlur
        />
      ) : (
        <TextInput
          {...props}
          inputMode={input.kind === "number" ? "decimal" : undefined}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
  }
}
