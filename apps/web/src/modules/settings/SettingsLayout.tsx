import { NavLink, Title } from "@mantine/core";
import { Suspense } from "react";
import { Link, Navigate, Route, Routes, useLocation } from "react-router";
import { RequirePermission } from "../../platform/auth/RequirePermission";
import { PageLoader } from "../../platform/feedback/PageLoader";
import { useAllSettingsSections, useVisibleSettingsSections } from "../../platform/modules/use-visible-modules";
import { NotFoundPage } from "../../platform/shell/NotFoundPage";
import classes from "./SettingsLayout.module.css";
import { settingsTexts } from "./settings.texts";

/**
 * /settings/*: a sub-navigation of every settings section the user may open (contributed by all
 * modules through `settingsSections`) and the chosen section.
 */
export function SettingsLayout() {
  const visible = useVisibleSettingsSections();
  const all = useAllSettingsSections();
  const { pathname } = useLocation();
  const first = visible[0];

  return (
    <div className={classes.layout}>
      <div className={classes.aside}>
        <Title order={1} size="h4" mb="sm" c="dimmed" fw={600}>
          {settingsTexts.heading}
        </Title>
        <nav aria-label={settingsTexts.subNavigation} className={classes.nav}>
          {visible.map((section) => {
            const Icon = section.icon;
            const to = `/settings/${section.path}`;
            const active = pathname === to || pathname.startsWith(`${to}/`);
            return (
              <NavLink
                key={section.id}
                component={Link}
                to={to}
                label={section.label}
                leftSection={<Icon size={18} stroke={1.6} aria-hidden />}
                active={active}
                aria-current={active ? "page" : undefined}
                variant="light"
                className={classes.link}
              />
            );
          })}
        </nav>
      </div>
      <div className={classes.content}>
        <Suspense fallback={<PageLoader />}>
          <Routes>
            {first && <Route index element={<Navigate to={first.path} replace />} />}
            {all.map((section) => {
              const Section = section.component;
              return (
                <Route
                  key={section.id}
                  path={`${section.path}/*`}
                  element={
                    <RequirePermission permission={section.requiredPermission}>
                      <Section />
                    </RequirePermission>
                  }
                />
              );
            })}
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Suspense>
      </div>
    </div>
  );
}
