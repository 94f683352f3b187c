import { Checkbox, Group, MultiSelect, NumberInput, Select, Textarea, TextInput } from "@mantine/core";
import type { CustomField } from "@rapport/contract";
import type { ReactNode } from "react";
import type { CustomInputValue } from "../custom-values";
import { recordsTexts } from "../records.texts";

type Props = {
  field: CustomField;
  value: CustomInputValue;
  onChange: (value: CustomInputValue) => void;
  error?: ReactNode;
  /** Label shown (defaults to the field's). Inline editors hide it visually and keep it for screen readers. */
  label?: string;
  hideLabel?: boolean;
  autoFocus?: boolean;
  onKeyDown?: (event: React.KeyboardEvent) => void;
  size?: "xs" | "sm";
};

/** The input that fits a custom field's type: text, number, money, date, yes/no, one or several options. */
export function CustomFieldInput({ field, value, onChange, error, label, hideLabel = false, autoFocus, onKeyDown, size = "sm" }: Props) {
  const common = {
    label: label ?? field.label,
    required: field.required,
    error,
    size,
    autoFocus,
    onKeyDown,
    ...(hideLabel ? { "aria-label": label ?? field.label, label: undefined } : {}),
  };
  switch (field.type) {
    case "long_text":
      return (
        <Textarea
          {...common}
          autosize
          minRows={2}
          maxRows={8}
          value={String(value ?? "")}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case "number":
      return <NumberInput {...common} value={typeof value === "number" || typeof value === "string" ? value : ""} onChange={onChange} />;
    case "money": {
      const money = typeof value === "object" && value !== null && !Array.isArray(value) ? value : { amount: "", currency: "EUR" };
      return (
        <Group gap={6} align="flex-end" wrap="nowrap">
          <NumberInput
            {...common}
            style={{ flex: 1 }}
            decimalScale={2}
            value={money.amount}
            onChange={(amount) => onChange({ ...money, amount })}
          />
          <TextInput
            size={size}
            aria-label={recordsTexts.customFields.currencyOf(field.label)}
            w={70}
            maxLength={3}
            value={money.currency}
            onChange={(e) => onChange({ ...money, currency: e.currentTarget.value.toUpperCase() })}
            onKeyDown={onKeyDown}
          />
        </Group>
      );
    }
    case "date":
      return <TextInput {...common} type="date" value={String(value ?? "")} onChange={(e) => onChange(e.currentTarget.value)} />;
    case "boolean":
      return (
        <Checkbox
          label={hideLabel ? undefined : (label ?? field.label)}
          aria-label={hideLabel ? (label ?? field.label) : undefined}
          checked={value === true}
          onChange={(e) => onChange(e.currentTarget.checked)}
          error={error}
          size={size}
          autoFocus={autoFocus}
          onKeyDown={onKeyDown}
          mt={hideLabel ? 0 : "xs"}
        />
      );
    case "select":
      return (
        <Select
          {...common}
          data={field.options}
          value={typeof value === "string" ? value : null}
          onChange={(v) => onChange(v)}
          clearable={!field.required}
          searchable={field.options.length > 8}
          comboboxProps={{ withinPortal: true }}
        />
      );
    case "multi_select":
      return (
        <MultiSelect
          {...common}
          data={field.options}
          value={Array.isArray(value) ? value : []}
          onChange={onChange}
          clearable
          comboboxProps={{ withinPortal: true }}
        />
      );
    default: {
      const type = field.type === "email" ? "email" : field.type === "url" ? "url" : field.type === "phone" ? "tel" : "text";
      return <TextInput {...common} type={type} value={String(value ?? "")} onChange={(e) => onChange(e.currentTarget.value)} />;
    }
  }
}
