import { iamEndpoints } from "@rapport/contract";
import { IconUser } from "@tabler/icons-react";
import { apiCall } from "../../platform/api/api-client";
import type { SearchProvider } from "../../platform/modules/module.types";
import { settingsTexts } from "./settings.texts";

/** Command palette: find a user by name or email and open the Users page filtered to them. */
export const usersSearchProvider: SearchProvider = {
  id: "users",
  label: settingsTexts.commands.searchGroup,
  icon: IconUser,
  requiredPermission: "users.read",
  search: async (query, signal) => {
    const page = await apiCall(iamEndpoints.listUsers, { query: { q: query }, signal });
    return page.items.slice(0, 8).map((user) => ({
      id: user.id,
      label: user.name,
      description: user.email,
      path: `/settings/users?q=${encodeURIComponent(user.email)}`,
    }));
  },
};
