import { Alert, Button, Group, Paper, Skeleton, Stack, Text, TextInput } from "@mantine/core";
import type { Workspace } from "@rapport/contract";
import { IconLock } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { fieldError } from "../../../platform/api/field-errors";
import { usePermissions } from "../../../platform/auth/use-permissions";
import { ErrorState } from "../../../platform/feedback/ErrorState";
import { notifySuccess } from "../../../platform/feedback/notify";
import { formatDate } from "../../../platform/format/date";
import { PageHeader } from "../../../platform/shell/PageHeader";
import { CurrencySelect } from "../components/CurrencySelect";
import { useUpdateWorkspace, useWorkspace } from "../queries/workspace.queries";
import { settingsTexts } from "../settings.texts";

const texts = settingsTexts.workspace;

export function WorkspacePage() {
  const workspace = useWorkspace();
  return (
    <>
      <PageHeader title={settingsTexts.sections.workspace} description={texts.description} context={settingsTexts.module} />
      {workspace.isPending ? (
        <Paper withBorder p="lg" radius="md">
          <Stack>
            <Skeleton h={56} />
            <Skeleton h={56} />
            <Skeleton h={56} />
          </Stack>
        </Paper>
      ) : workspace.isError ? (
        <ErrorState error={workspace.error} onRetry={() => void workspace.refetch()} />
      ) : (
        <WorkspaceForm key={`${workspace.data.name}|${workspace.data.defaultCurrency}`} workspace={workspace.data} />
      )}
    </>
  );
}

function WorkspaceForm({ workspace }: { workspace: Workspace }) {
  const { can } = usePermissions();
  const canManage = can("workspace.manage");
  const update = useUpdateWorkspace();
  const [name, setName] = useState(workspace.name);
  const [currency, setCurrency] = useState(workspace.defaultCurrency);
  const dirty = name.trim() !== workspace.name || currency !== workspace.defaultCurrency;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      {
        ...(name.trim() !== workspace.name ? { name } : {}),
        ...(currency !== workspace.defaultCurrency ? { defaultCurrency: currency } : {}),
      },
      { onSuccess: () => notifySuccess(texts.saved) },
    );
  };

  return (
    <Paper withBorder p="lg" radius="md" component="form" onSubmit={onSubmit} maw={640}>
      <Stack>
        {!canManage && (
          <Alert variant="light" color="gray" icon={<IconLock aria-hidden />}>
            {settingsTexts.common.readOnlyNotice}
          </Alert>
        )}
        <TextInput
          label={texts.name}
          required
          readOnly={!canManage}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fieldError(update.error, "name")}
          maxLength={200}
        />
        <TextInput label={texts.slug} description={texts.slugDescription} value={workspace.slug} readOnly variant="filled" />
        <CurrencySelect
          label={texts.currency}
          description={texts.currencyDescription}
          value={currency}
          onChange={setCurrency}
          readOnly={!canManage}
          error={fieldError(update.error, "defaultCurrency")}
        />
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {texts.created(formatDate(workspace.createdAt))}
          </Text>
          {canManage && (
            <Button type="submit" disabled={!dirty} loading={update.isPending}>
              {settingsTexts.common.save}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
