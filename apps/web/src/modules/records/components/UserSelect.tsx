import { Select, type SelectProps } from "@mantine/core";
import { useMemo } from "react";
import { useUserDirectory } from "../queries/users.queries";
import { recordsTexts } from "../records.texts";

type Props = Omit<SelectProps, "data" | "value" | "onChange"> & {
  value: string | null;
  onChange: (userId: string | null) => void;
  /** Offer "No owner" (null). */
  allowNone?: boolean;
};

/** Picks a user of the workspace (owners, filters). Deactivated users stay selectable only when already chosen. */
export function UserSelect({ value, onChange, allowNone = false, ...props }: Props) {
  const { users } = useUserDirectory();
  const data = useMemo(() => {
    const options = users
      .filter((u) => u.active || u.id === value)
      .map((u) => ({ value: u.id, label: u.active ? u.name : `${u.name} (${recordsTexts.users.inactive})` }));
    if (value && !options.some((o) => o.value === value)) options.push({ value, label: recordsTexts.common.unknownUser });
    return allowNone ? [{ value: "", label: recordsTexts.users.noOwner }, ...options] : options;
  }, [users, value, allowNone]);
  return (
    <Select
      searchable
      data={data}
      value={value ?? (allowNone ? "" : null)}
      onChange={(v) => onChange(v ? v : null)}
      comboboxProps={{ withinPortal: true }}
      nothingFoundMessage={recordsTexts.users.nothingFound}
      {...props}
    />
  );
}
