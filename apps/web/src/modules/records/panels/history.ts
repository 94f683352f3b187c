import type { AuditEntry } from "@rapport/contract";

/** Audit entries of one change (one event) together, in the order the trail lists them. */
export type HistoryGroup = {
  eventId: string;
  occurredAt: string;
  actorName: string | null;
  actorType: string;
  action: string;
  entries: AuditEntry[];
};

export function groupByEvent(entries: AuditEntry[]): HistoryGroup[] {
  const groups: HistoryGroup[] = [];
  const byId = new Map<string, HistoryGroup>();
  for (const entry of entries) {
    let group = byId.get(entry.eventId);
    if (!group) {
      group = {
        eventId: entry.eventId,
        occurredAt: entry.occurredAt,
        actorName: entry.actorName,
        actorType: entry.actorType,
        action: entry.action,
        entries: [],
      };
      byId.set(entry.eventId, group);
      groups.push(group);
    }
    if (entry.field) group.entries.push(entry);
  }
  return groups;
}

/** A changed value as short text: lists joined, objects summarised, long text cut. */
export function summariseValue(value: unknown, max = 60): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) {
    const text = value.map((v) => (typeof v === "object" && v !== null ? summariseValue(v, 30) : String(v))).join(", ");
    return text === "" ? "—" : cut(text, max);
  }
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    if ("name" in record && typeof record.name === "string") return cut(record.name, max);
    if ("amount" in record && "currency" in record) return `${String(record.amount)} ${String(record.currency)}`;
    return cut(JSON.stringify(value), max);
  }
  return cut(String(value), max);
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
