import { Select, type SelectProps } from "@mantine/core";
import type { Pipeline } from "@rapport/contract";

/** Picks one of the pipelines (in their order). */
export function PipelineSelect({
  pipelines,
  value,
  onChange,
  ...props
}: Omit<SelectProps, "data" | "value" | "onChange"> & {
  pipelines: readonly Pipeline[];
  value: string | null;
  onChange: (id: string) => void;
}) {
  return (
    <Select
      data={pipelines.map((p) => ({ value: p.id, label: p.name }))}
      value={value}
      onChange={(v) => v && onChange(v)}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
      {...props}
    />
  );
}
