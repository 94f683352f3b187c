import type { Permission } from "@rapport/contract";
import type { ComponentType } from "react";
import type { CustomerRecord, RecordType } from "./record-types";

/** What every panel of a 360° page gets. */
export type RecordPanelProps = {
  entityType: RecordType;
  recordId: string;
  /** The record as last loaded (also when it is in the trash). */
  record: CustomerRecord;
  /** The user may change the record (records.write, and it is not in the trash). */
  canEdit: boolean;
};

/**
 * A section of the 360° page of people and companies. Modules add panels (deals, tickets,
 * campaigns…) with `registerRecordPanel` from their module file; the pages never change.
 */
export type RecordPanel = {
  id: string;
  title: string;
  /** The record types whose page shows the panel. */
  entityTypes: readonly RecordType[];
  /** Lower first, within its area. */
  order: number;
  /** Load it lazily (`React.lazy`) so the panel's code is fetched with the page, not at start. */
  component: ComponentType<RecordPanelProps>;
  /** "main": the wide column (the timeline); "side": the narrow one (default). On tablets both stack. */
  area?: "main" | "side";
  /** Hidden from users without it (e.g. the change history needs audit.read). */
  requiredPermission?: Permission;
};

const panels = new Map<string, RecordPanel>();

/** Adds a panel (or replaces the one with the same id, so registering twice is harmless). */
export function registerRecordPanel(panel: RecordPanel): void {
  panels.set(panel.id, panel);
}

/** The panels of a record type the user may see, in order. */
export function recordPanelsFor(entityType: RecordType, can: (permission?: Permission) => boolean): RecordPanel[] {
  return [...panels.values()]
    .filter((p) => p.entityTypes.includes(entityType) && can(p.requiredPermission))
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}
