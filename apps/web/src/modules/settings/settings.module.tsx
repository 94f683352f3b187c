import {
  IconBuilding,
  IconHistory,
  IconKey,
  IconPlus,
  IconSettings,
  IconShieldLock,
  IconUserCircle,
  IconUserPlus,
  IconUsers,
  IconUsersGroup,
} from "@tabler/icons-react";
import { lazy } from "react";
import type { AppModule, SettingsSection } from "../../platform/modules/module.types";
import { apiKeysKey } from "./queries/api-keys.queries";
import { auditKey } from "./queries/audit.queries";
import { teamsKey } from "./queries/teams.queries";
import { usersKey } from "./queries/users.queries";
import { workspaceKey } from "./queries/workspace.queries";
import { SettingsLayout } from "./SettingsLayout";
import { settingsTexts } from "./settings.texts";
import { usersSearchProvider } from "./users.search";

const texts = settingsTexts.sections;

const WorkspacePage = lazy(() => import("./pages/WorkspacePage").then((m) => ({ default: m.WorkspacePage })));
const UsersPage = lazy(() => import("./pages/UsersPage").then((m) => ({ default: m.UsersPage })));
const TeamsPage = lazy(() => import("./pages/TeamsPage").then((m) => ({ default: m.TeamsPage })));
const RolesPage = lazy(() => import("./pages/RolesPage").then((m) => ({ default: m.RolesPage })));
const ApiKeysPage = lazy(() => import("./pages/ApiKeysPage").then((m) => ({ default: m.ApiKeysPage })));
const AuditPage = lazy(() => import("./pages/AuditPage").then((m) => ({ default: m.AuditPage })));
const AccountPage = lazy(() => import("./pages/AccountPage").then((m) => ({ default: m.AccountPage })));

const sections: SettingsSection[] = [
  {
    id: "workspace",
    label: texts.workspace,
    icon: IconBuilding,
    path: "workspace",
    component: WorkspacePage,
    order: 10,
    keywords: ["currency", "name"],
  },
  {
    id: "users",
    label: texts.users,
    icon: IconUsers,
    path: "users",
    component: UsersPage,
    order: 20,
    requiredPermission: "users.read",
    keywords: ["people", "members"],
  },
  {
    id: "teams",
    label: texts.teams,
    icon: IconUsersGroup,
    path: "teams",
    component: TeamsPage,
    order: 30,
    requiredPermission: "users.read",
    keywords: ["groups"],
  },
  {
    id: "roles",
    label: texts.roles,
    icon: IconShieldLock,
    path: "roles",
    component: RolesPage,
    order: 40,
    keywords: ["permissions", "access"],
  },
  {
    id: "api-keys",
    label: texts.apiKeys,
    icon: IconKey,
    path: "api-keys",
    component: ApiKeysPage,
    order: 50,
    requiredPermission: "api_keys.manage",
    keywords: ["integration", "token"],
  },
  {
    id: "audit",
    label: texts.audit,
    icon: IconHistory,
    path: "audit",
    component: AuditPage,
    order: 60,
    requiredPermission: "audit.read",
    keywords: ["history", "log", "changes"],
  },
  {
    id: "account",
    label: texts.account,
    icon: IconUserCircle,
    path: "account",
    component: AccountPage,
    order: 900,
    keywords: ["password", "profile"],
  },
];

export const settingsModule: AppModule = {
  id: "settings",
  label: settingsTexts.module,
  icon: IconSettings,
  path: "/settings",
  navPosition: "bottom",
  routes: [{ path: "settings/*", element: <SettingsLayout /> }],
  settingsSections: sections,
  commands: [
    {
      id: "settings:add-user",
      label: settingsTexts.commands.addUser,
      icon: IconUserPlus,
      path: "/settings/users?new=1",
      requiredPermission: "users.manage",
    },
    {
      id: "settings:create-team",
      label: settingsTexts.commands.createTeam,
      icon: IconPlus,
      path: "/settings/teams?new=1",
      requiredPermission: "teams.manage",
    },
    {
      id: "settings:create-api-key",
      label: settingsTexts.commands.createApiKey,
      icon: IconKey,
      path: "/settings/api-keys?new=1",
      requiredPermission: "api_keys.manage",
    },
  ],
  searchProviders: [usersSearchProvider],
  invalidates: {
    "*": [auditKey],
    user: [usersKey, teamsKey],
    team: [teamsKey, usersKey],
    api_key: [apiKeysKey],
    workspace: [workspaceKey],
  },
  entityTypeLabels: settingsTexts.entityTypes,
};
