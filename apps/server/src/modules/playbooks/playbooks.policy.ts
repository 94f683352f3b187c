import type { Principal } from "../../platform/auth/principal.js";
import { requirePermission } from "../../platform/auth/principal.js";

/**
 * Who may do what with playbooks: everyone who reads records reads them (they guide the
 * work); admins and managers (sales.manage) write them. A deal's playbook is read under the
 * deal's own visibility (its owner), checked where it is read.
 */
export const playbookPolicy = {
  read: (p: Principal) => requirePermission(p, "records.read"),
  write: (p: Principal) => requirePermission(p, "sales.manage"),
};
