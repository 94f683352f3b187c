import { Code, Stack, Text, Tooltip } from "@mantine/core";
import { formatDateTime } from "../../../platform/format/date";
import { settingsTexts } from "../settings.texts";

const texts = settingsTexts.audit;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const MAX_KEYS = 5;

/**
 * An old or new value of the audit trail, always rendered as text (never as HTML): scalars as
 * they are, lists joined or counted, objects (a whole record, for "created" and "deleted"
 * events) as "key: value" lines; the full JSON is in a tooltip when something was shortened.
 */
export function AuditValue({ value, strike = false }: { value: unknown; strike?: boolean }) {
  if (isEmpty(value)) {
    return (
      <Text span c="dimmed" size="sm">
        {texts.noValue}
      </Text>
    );
  }
  if (isPlainObject(value)) {
    const entries = Object.entries(value).filter(([, v]) => !isEmpty(v));
    const shown = entries.slice(0, MAX_KEYS);
    const lines = (
      <Stack gap={0}>
        {shown.map(([key, v]) => (
          <Text key={key} size="xs" style={{ overflowWrap: "break-word" }}>
            <Text span size="xs" c="dimmed" ff="monospace">
              {key}
            </Text>
            {`: ${summarise(v)}`}
          </Text>
        ))}
        {entries.length > shown.length && (
          <Text size="xs" c="dimmed">
            {texts.more(entries.length - shown.length)}
          </Text>
        )}
      </Stack>
    );
    return entries.length > shown.length ? (
      <Tooltip label={JSON.stringify(value)} multiline maw={420} style={{ overflowWrap: "anywhere" }}>
        <div>{lines}</div>
      </Tooltip>
    ) : (
      lines
    );
  }
  if (Array.isArray(value)) {
    const text = summarise(value);
    const shortened = text !== value.join(", ");
    return shortened ? (
      <Tooltip label={JSON.stringify(value)} multiline maw={420} style={{ overflowWrap: "anywhere" }}>
        <Code tabIndex={0}>{text}</Code>
      </Tooltip>
    ) : (
      <Code>{text}</Code>
    );
  }
  return (
    <Text span size="sm" td={strike ? "line-through" : undefined} c={strike ? "dimmed" : undefined} style={{ overflowWrap: "break-word" }}>
      {summarise(value)}
    </Text>
  );
}

/** One value as short text: dates in the user's locale, short lists joined, long ones counted. */
function summarise(value: unknown): string {
  if (isEmpty(value)) return texts.noValue;
  if (typeof value === "string") return ISO_DATE_TIME.test(value) ? formatDateTime(value) : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return texts.emptyList;
    const joined = value.every((v) => typeof v !== "object") ? value.join(", ") : null;
    return joined !== null && joined.length <= 40 ? joined : texts.items(value.length);
  }
  const json = JSON.stringify(value);
  return json.length > 40 ? `${json.slice(0, 37)}…` : json;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
