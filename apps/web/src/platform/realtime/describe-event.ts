import { humanise } from "../format/humanise";
import type { DomainEvent } from "./domain-event";

/**
 * "api_key.revoked" → "API key revoked", using the entity labels modules contribute; an action
 * without an entity prefix ("updated") gets the entity type's label in front.
 */
export function describeAction(action: string, entityType: string, entityLabels: Record<string, string>): string {
  const dot = action.lastIndexOf(".");
  const entity = dot > 0 ? action.slice(0, dot) : entityType;
  const verb = (dot > 0 ? action.slice(dot + 1) : action).replace(/_/g, " ");
  const label = entityLabels[entity] ?? humanise(entity);
  return verb ? `${label} ${verb}` : label;
}

export function describeEvent(event: DomainEvent, entityLabels: Record<string, string>): string {
  return describeAction(event.type, event.entityType, entityLabels);
}
