import { Paper, Select, Skeleton, Text, Title } from "@mantine/core";
import { useMemo } from "react";
import { notifyError, notifySuccess } from "../../../platform/feedback/notify";
import { useMyTimeZone, useSetMyTimeZone } from "../queries/tasks.queries";
import { tasksTexts } from "../tasks.texts";

const texts = tasksTexts.account;
const WORKSPACE = "";

/** My account › Time zone: the zone "today" and "overdue" are computed in, or the workspace's. */
export function TimeZoneSection() {
  const tz = useMyTimeZone();
  const save = useSetMyTimeZone();
  const zones = useMemo(() => ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")], []);
  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={3} size="h4" mb={4}>
        {texts.timeZoneTitle}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {texts.timeZoneHelp}
      </Text>
      {tz.isPending || !tz.data ? (
        <Skeleton h={36} />
      ) : (
        <Select
          label={texts.timeZone}
          searchable
          allowDeselect={false}
          limit={50}
          value={tz.data.own ?? WORKSPACE}
          data={[
            { value: WORKSPACE, label: texts.followWorkspace(tz.data.workspace) },
            ...zones.map((z) => ({ value: z, label: z.replaceAll("_", " ") })),
          ]}
          disabled={save.isPending}
          onChange={(v) =>
            save.mutate(v === WORKSPACE || v === null ? null : v, {
              onSuccess: () => notifySuccess(texts.saved),
              onError: (e) => notifyError(e),
            })
          }
        />
      )}
    </Paper>
  );
}
