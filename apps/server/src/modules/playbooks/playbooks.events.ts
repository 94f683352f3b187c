/** The events of playbooks: the audit trail and the realtime stream read them. */
export const PLAYBOOK_EVENTS = {
  created: "playbook.created",
  updated: "playbook.updated",
  deleted: "playbook.deleted",
  variantSaved: "playbook.variant_saved",
  variantDeleted: "playbook.variant_deleted",
} as const;

/** The source type playbooks put on the tasks their steps create. */
export const STEP_SOURCE = "playbook_step";
