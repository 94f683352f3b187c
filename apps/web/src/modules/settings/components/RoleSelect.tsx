import { Select, type SelectProps } from "@mantine/core";
import { type Role, roleSchema } from "@rapport/contract";
import { iamTexts } from "../../../platform/auth/iam.texts";
import { settingsTexts } from "../settings.texts";

const data = roleSchema.options.map((role) => ({ value: role, label: iamTexts.roles[role] }));

type Props = Omit<SelectProps, "data" | "value" | "onChange"> & { value: Role; onChange: (role: Role) => void };

export function RoleSelect({ value, onChange, label = settingsTexts.common.role, ...rest }: Props) {
  return (
    <Select
      {...rest}
      label={label}
      data={data}
      value={value}
      allowDeselect={false}
      onChange={(v) => {
        const parsed = roleSchema.safeParse(v);
        if (parsed.success) onChange(parsed.data);
      }}
    />
  );
}
