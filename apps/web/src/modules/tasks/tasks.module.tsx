import { IconChecklist, IconPlus } from "@tabler/icons-react";
import { lazy } from "react";
import type { AppModule } from "../../platform/modules/module.types";
import { registerRecordPanel } from "../records/record-panels";
import { CalendarFeedSection } from "./components/CalendarFeedSection";
import { OverdueBadge } from "./components/OverdueBadge";
import { TimeZoneSection } from "./components/TimeZoneSection";
import { tasksTexts } from "./tasks.texts";

const MyTasksPage = lazy(() => import("./pages/MyTasksPage").then((m) => ({ default: m.MyTasksPage })));
const TasksPanel = lazy(() => import("./panels/TasksPanel").then((m) => ({ default: m.TasksPanel })));

registerRecordPanel({
  id: "tasks",
  title: tasksTexts.panel.title,
  entityTypes: ["contact", "company"],
  // Between the details (10) and the people of a company (15).
  order: 12,
  component: TasksPanel,
});

/** Tasks: My tasks (/tasks), the tasks panel of people and companies, and My account's time zone and calendar feed. */
export const tasksModule: AppModule = {
  id: "tasks",
  label: tasksTexts.navLabel,
  icon: IconChecklist,
  path: "/tasks",
  requiredPermission: "records.read",
  routes: [{ path: "tasks", element: <MyTasksPage /> }],
  commands: [
    {
      id: "tasks:new",
      label: tasksTexts.commands.newTask,
      icon: IconPlus,
      path: "/tasks",
      keywords: ["todo", "to-do", "reminder"],
      requiredPermission: "records.write",
    },
  ],
  invalidates: { task: [["tasks"]] },
  entityTypeLabels: { task: tasksTexts.entityType, calendar_feed: tasksTexts.calendarFeedEntity },
  entityPaths: { task: (id) => `/tasks?task=${id}` },
  navBadge: OverdueBadge,
  accountSections: [
    { id: "time-zone", component: TimeZoneSection, order: 10 },
    { id: "calendar-feed", component: CalendarFeedSection, order: 20 },
  ],
};
