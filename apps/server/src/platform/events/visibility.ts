import type { Principal } from "../auth/principal.js";
import type { StoredEvent } from "./processor.js";

/**
 * Who may see which event on the realtime stream. Each module registers a rule for the
 * entity types it owns; an event of an unregistered type is shown to nobody.
 */
export type EventVisibilityRule = (principal: Principal, event: StoredEvent) => boolean | Promise<boolean>;

export class EventVisibility {
  private readonly rules = new Map<string, EventVisibilityRule>();

  register(entityType: string, rule: EventVisibilityRule) {
    this.rules.set(entityType, rule);
  }

  async canSee(principal: Principal, event: StoredEvent): Promise<boolean> {
    if (event.workspaceId !== principal.workspaceId) return false;
    const rule = this.rules.get(event.entityType);
    return rule ? rule(principal, event) : false;
  }
}
