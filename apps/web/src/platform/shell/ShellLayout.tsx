import { AppShell, Box } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { Suspense } from "react";
import { Outlet } from "react-router";
import { PageLoader } from "../feedback/PageLoader";
import { RealtimeProvider } from "../realtime/RealtimeProvider";
import { AppHeader } from "./AppHeader";
import { AppNavbar } from "./AppNavbar";
import { CommandPalette } from "./CommandPalette";
import { CommandRegistryProvider } from "./command-registry";
import classes from "./ShellLayout.module.css";
import { shellTexts } from "./shell.texts";

/** Header, navbar (a drawer under the `sm` breakpoint), the page, and the command palette. */
export function ShellLayout() {
  const [navOpened, nav] = useDisclosure(false);
  return (
    <CommandRegistryProvider>
      <RealtimeProvider>
        <a href="#main-content" className={classes.skipLink}>
          {shellTexts.skipToContent}
        </a>
        <AppShell
          header={{ height: 60 }}
          navbar={{ width: { sm: 210, lg: 250 }, breakpoint: "sm", collapsed: { mobile: !navOpened } }}
          padding={{ base: "md", lg: "xl" }}
        >
          <AppHeader navOpened={navOpened} onToggleNav={nav.toggle} />
          <AppNavbar onNavigate={nav.close} />
          <AppShell.Main id="main-content" tabIndex={-1} className={classes.main}>
            <Box maw={1280} mx="auto">
              <Suspense fallback={<PageLoader />}>
                <Outlet />
              </Suspense>
            </Box>
          </AppShell.Main>
        </AppShell>
        <CommandPalette />
      </RealtimeProvider>
    </CommandRegistryProvider>
  );
}
