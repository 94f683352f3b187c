import { Anchor, Badge, Group, Text } from "@mantine/core";
import type { CustomField } from "@rapport/contract";
import { formatDate } from "../../../platform/format/date";
import { formatMoney, formatNumber } from "../../../platform/format/number";
import { isEmptyValue } from "../custom-values";
import { recordsTexts } from "../records.texts";

/** A custom field's stored value for reading: money and dates in the user's locale, links clickable. */
export function CustomValue({ field, value }: { field: Pick<CustomField, "type">; value: unknown }) {
  if (isEmptyValue(value)) {
    return (
      <Text span size="sm" c="dimmed">
        {recordsTexts.common.none}
      </Text>
    );
  }
  switch (field.type) {
    case "multi_select":
      return (
        <Group gap={4}>
          {(Array.isArray(value) ? value : []).map((v) => (
            <Badge key={String(v)} variant="default" radius="sm" size="sm">
              {String(v)}
            </Badge>
          ))}
        </Group>
      );
    case "url":
      return (
        <Anchor href={String(value)} target="_blank" rel="noopener noreferrer" size="sm" style={{ overflowWrap: "anywhere" }}>
          {String(value)}
        </Anchor>
      );
    case "email":
      return (
        <Anchor href={`mailto:${String(value)}`} size="sm">
          {String(value)}
        </Anchor>
      );
    default:
      return (
        <Text span size="sm" style={{ overflowWrap: "anywhere", whiteSpace: field.type === "long_text" ? "pre-wrap" : undefined }}>
          {formatCustomValue(field, value)}
        </Text>
      );
  }
}

/** A custom field's value as plain text (list cells, tooltips). */
export function formatCustomValue(field: Pick<CustomField, "type">, value: unknown): string {
  if (isEmptyValue(value)) return recordsTexts.common.none;
  if (typeof value === "object" && value !== null && "amount" in value && "currency" in value) {
    const m = value as { amount: unknown; currency: unknown };
    if (typeof m.amount === "number" && typeof m.currency === "string") {
      try {
        return formatMoney(m.amount, m.currency);
      } catch {
        return `${m.amount} ${m.currency}`;
      }
    }
  }
  if (Array.isArray(value)) return value.map(String).join(", ");
  if (typeof value === "boolean") return value ? recordsTexts.common.yes : recordsTexts.common.no;
  if (typeof value === "number") return formatNumber(value);
  if (field.type === "date" && typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    // A calendar date: format it without moving it through the user's time zone.
    const [y, m, d] = value.split("-").map(Number);
    return formatDate(new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  }
  return String(value);
}
