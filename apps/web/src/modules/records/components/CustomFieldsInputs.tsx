import { SimpleGrid } from "@mantine/core";
import type { CustomField } from "@rapport/contract";
import { fieldError } from "../../../platform/api/field-errors";
import type { CustomInputValue } from "../custom-values";
import { CustomFieldInput } from "./CustomFieldInput";

type Props = {
  fields: CustomField[];
  values: Record<string, CustomInputValue>;
  onChange: (key: string, value: CustomInputValue) => void;
  error: unknown;
};

/** The custom fields of a "New …" form, two per row on wide screens. */
export function CustomFieldsInputs({ fields, values, onChange, error }: Props) {
  if (fields.length === 0) return null;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
      {fields.map((field) => (
        <CustomFieldInput
          key={field.id}
          field={field}
          value={values[field.key] ?? null}
          onChange={(v) => onChange(field.key, v)}
          error={fieldError(error, `custom.${field.key}`)}
        />
      ))}
    </SimpleGrid>
  );
}
