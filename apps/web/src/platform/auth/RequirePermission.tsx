import { Alert } from "@mantine/core";
import type { Permission } from "@rapport/contract";
import { IconLock } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { feedbackTexts } from "../feedback/feedback.texts";
import { PageHeader } from "../shell/PageHeader";
import { usePermissions } from "./use-permissions";

/** Shows "no access" instead of a page the user's role does not allow (the link was hidden, but URLs can be typed). */
export function RequirePermission({ permission, children }: { permission?: Permission; children: ReactNode }) {
  const { can } = usePermissions();
  if (!can(permission)) {
    return (
      <>
        <PageHeader title={feedbackTexts.forbiddenTitle} />
        <Alert color="gray" variant="light" icon={<IconLock aria-hidden />}>
          {feedbackTexts.forbidden}
        </Alert>
      </>
    );
  }
  return children;
}
