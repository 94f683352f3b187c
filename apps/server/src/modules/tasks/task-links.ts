import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../platform/db/schema.js";
import type { RecordVisibility } from "../iam/index.js";

type Q = Kysely<DB> | Transaction<DB>;

/**
 * A kind of record a task can be linked to. The module that owns the records registers it
 * at wiring time (app.ts) — people and companies now, deals later — so tasks never import
 * them and a new type needs no edit here.
 */
export type LinkableRecordType = {
  /** The live records among `ids` that a viewer with this visibility may see, with their names. */
  visible(q: Q, workspaceId: string, ids: string[], v: RecordVisibility): Promise<{ id: string; name: string }[]>;
};

export class TaskLinkTypes {
  private readonly types = new Map<string, LinkableRecordType>();

  register(type: string, def: LinkableRecordType) {
    if (!/^[a-z][a-z_]{0,39}$/.test(type)) throw new Error(`bad linked record type ${type}`);
    this.types.set(type, def);
  }

  get(type: string): LinkableRecordType | undefined {
    return this.types.get(type);
  }

  names(): string[] {
    return [...this.types.keys()];
  }

  /** Names of the linked records the viewer may see, by "type:id"; others are left out. */
  async visibleNames(q: Q, workspaceId: string, links: { type: string; id: string }[], v: RecordVisibility) {
    const names = new Map<string, string>();
    const byType = new Map<string, string[]>();
    for (const l of links) byType.set(l.type, [...(byType.get(l.type) ?? []), l.id]);
    for (const [type, ids] of byType) {
      const def = this.types.get(type);
      if (!def) continue;
      for (const r of await def.visible(q, workspaceId, [...new Set(ids)], v)) names.set(`${type}:${r.id}`, r.name);
    }
    return names;
  }
}
