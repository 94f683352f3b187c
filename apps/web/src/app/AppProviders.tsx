import { MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import type { AppModule } from "../platform/modules/module.types";
import { ModulesProvider } from "../platform/modules/modules.context";
import { colorSchemeManager, theme } from "../platform/theme/theme";
import { createQueryClient } from "./query-client";

/** Data cache, theme, notifications and the module registry, around the whole app. */
export function AppProviders({ modules, children }: { modules: readonly AppModule[]; children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme} defaultColorScheme="auto" colorSchemeManager={colorSchemeManager}>
        <Notifications position="bottom-right" limit={4} />
        <ModulesProvider modules={modules}>{children}</ModulesProvider>
      </MantineProvider>
    </QueryClientProvider>
  );
}
