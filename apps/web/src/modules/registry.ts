import type { AppModule } from "../platform/modules/module.types";
import { companiesModule } from "./companies/companies.module";
import { contactsModule } from "./contacts/contacts.module";
import { dealsModule } from "./deals/deals.module";
import { forecastModule } from "./forecast/forecast.module";
import { homeModule } from "./home/home.module";
import { identityModule } from "./identity/identity.module";
import { importsModule } from "./imports/imports.module";
import { playbooksModule } from "./playbooks/playbooks.module";
import { settingsModule } from "./settings/settings.module";
import { tasksModule } from "./tasks/tasks.module";

/**
 * Every feature module of the web app, in navbar order. Adding a module is one line here:
 * its routes, nav link, settings sections, palette commands and search, and realtime cache
 * invalidation all come from its `AppModule` object. (Settings pins itself to the bottom.)
 */
export const modules: readonly AppModule[] = [
  homeModule,
  contactsModule,
  companiesModule,
  dealsModule,
  forecastModule,
  playbooksModule,
  tasksModule,
  identityModule,
  settingsModule,
  importsModule,
];
