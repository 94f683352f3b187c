import { Button, Checkbox, NumberInput, Paper, Skeleton, Stack, Switch, Text } from "@mantine/core";
import type { identitySettingsSchema } from "@rapport/contract";
import { type FormEvent, useState } from "react";
import type { z } from "zod";
import { fieldError } from "../../../platform/api/field-errors";
import { ErrorState } from "../../../platform/feedback/ErrorState";
import { notifySuccess } from "../../../platform/feedback/notify";
import { PageHeader } from "../../../platform/shell/PageHeader";
import { identityTexts } from "../identity.texts";
import { useIdentitySettings, useSaveIdentitySettings } from "../queries/identity.queries";

const texts = identityTexts.settings;
type Settings = z.output<typeof identitySettingsSchema>;

/** Settings › Duplicate rules: automatic merges (administrators). */
export function IdentitySettingsPage() {
  const settings = useIdentitySettings();
  return (
    <>
      <PageHeader title={texts.title} description={texts.description} context="Settings" />
      {settings.isPending ? (
        <Skeleton h={160} maw={640} />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <SettingsForm key={settings.data.updatedAt ?? "new"} settings={settings.data} />
      )}
    </>
  );
}

function SettingsForm({ settings }: { settings: Settings }) {
  const save = useSaveIdentitySettings();
  const [thresholdOn, setThresholdOn] = useState(settings.autoMergeThreshold !== null);
  const [threshold, setThreshold] = useState<number>(settings.autoMergeThreshold ?? 0.97);
  const [exactEmail, setExactEmail] = useState(settings.autoMergeExactEmail);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      { autoMergeThreshold: thresholdOn ? threshold : null, autoMergeExactEmail: exactEmail },
      { onSuccess: () => notifySuccess(texts.saved) },
    );
  };
  return (
    <Paper withBorder p="lg" radius="md" component="form" onSubmit={onSubmit} maw={640}>
      <Stack>
        <Switch label={texts.thresholdOn} checked={thresholdOn} onChange={(e) => setThresholdOn(e.currentTarget.checked)} />
        <NumberInput
          label={texts.threshold}
          description={texts.thresholdDescription}
          disabled={!thresholdOn}
          min={0.5}
          max={1}
          step={0.01}
          decimalScale={2}
          value={threshold}
          onChange={(v) => setThreshold(typeof v === "number" ? v : Number(v))}
          error={fieldError(save.error, "autoMergeThreshold")}
          maw={200}
        />
        <Checkbox label={texts.exactEmail} checked={exactEmail} onChange={(e) => setExactEmail(e.currentTarget.checked)} />
        <Text size="sm" c="dimmed">
          {texts.distinctNote}
        </Text>
        <Button type="submit" loading={save.isPending} w="fit-content">
          {texts.save}
        </Button>
      </Stack>
    </Paper>
  );
}
