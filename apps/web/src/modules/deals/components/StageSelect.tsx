import { Select, type SelectProps } from "@mantine/core";
import type { Pipeline } from "@rapport/contract";
import { dealsTexts } from "../deals.texts";

/** Picks a stage of a pipeline; won and lost stages say so. */
export function StageSelect({
  pipeline,
  value,
  onChange,
  ...props
}: Omit<SelectProps, "data" | "value" | "onChange"> & {
  pipeline: Pipeline | undefined;
  value: string | null;
  onChange: (id: string) => void;
}) {
  const data = (pipeline?.stages ?? []).map((s) => ({
    value: s.id,
    label: s.kind === "open" ? s.name : `${s.name} (${dealsTexts.status[s.kind]})`,
  }));
  return (
    <Select
      data={data}
      value={value}
      onChange={(v) => v && onChange(v)}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
      {...props}
    />
  );
}
