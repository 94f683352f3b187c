import { Badge, Button, Checkbox, Group, Popover, ScrollArea, Stack, Text, TextInput } from "@mantine/core";
import type { FieldInfo } from "@rapport/contract";
import { IconColumns3, IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import { recordsTexts } from "../records.texts";
import { NAME_COLUMN } from "./list-state";

const texts = recordsTexts.list;

type Props = {
  fields: FieldInfo[];
  columns: string[];
  onChange: (columns: string[]) => void;
  onReset: () => void;
};

/** Which fields the list shows as columns (built-in and custom). The name is always shown. */
export function ColumnChooser({ fields, columns, onChange, onReset }: Props) {
  const [search, setSearch] = useState("");
  const chosen = new Set(columns);
  const choosable = fields.filter((f) => f.key !== NAME_COLUMN && f.key !== "deletedAt");
  const words = search.trim().toLocaleLowerCase();
  const shown = words ? choosable.filter((f) => f.label.toLocaleLowerCase().includes(words)) : choosable;
  const toggle = (key: string, on: boolean) => onChange(on ? [...columns.filter((c) => c !== key), key] : columns.filter((c) => c !== key));

  return (
    <Popover position="bottom-end" shadow="md" width={280} withinPortal trapFocus>
      <Popover.Target>
        <Button variant="default" leftSection={<IconColumns3 size={16} aria-hidden />}>
          {texts.columns}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Text fw={600} size="sm">
            {texts.columnsTitle}
          </Text>
          {choosable.length > 10 && (
            <TextInput
              size="xs"
              aria-label={recordsTexts.columns.search}
              placeholder={recordsTexts.columns.search}
              leftSection={<IconSearch size={14} aria-hidden />}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
            />
          )}
          <ScrollArea.Autosize mah={320} type="auto" offsetScrollbars>
            <Stack gap={6} role="group" aria-label={texts.columnsTitle}>
              {shown.map((field) => (
                <Checkbox
                  key={field.key}
                  size="xs"
                  checked={chosen.has(field.key)}
                  onChange={(e) => toggle(field.key, e.currentTarget.checked)}
                  label={
                    <Group gap={6} wrap="nowrap">
                      <span>{field.label}</span>
                      {field.custom && (
                        <Badge size="xs" variant="light" color="gray" radius="sm">
                          {texts.customBadge}
                        </Badge>
                      )}
                    </Group>
                  }
                />
              ))}
            </Stack>
          </ScrollArea.Autosize>
          <Button variant="subtle" size="xs" color="gray" onClick={onReset}>
            {texts.columnsReset}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
