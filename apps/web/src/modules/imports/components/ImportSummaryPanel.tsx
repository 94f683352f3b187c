import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { Import } from "@rapport/contract";
import { IconAlertTriangle, IconArrowBackUp, IconDownload } from "@tabler/icons-react";
import { useState } from "react";
import { Link } from "react-router";
import { usePermissions } from "../../../platform/auth/use-permissions";
import { ConfirmDialog } from "../../../platform/feedback/ConfirmDialog";
import { notifyError, notifySuccess } from "../../../platform/feedback/notify";
import { formatDateTime } from "../../../platform/format/date";
import { formatNumber } from "../../../platform/format/number";
import { formatDuration } from "../../records/timeline/time-input";
import { importsTexts } from "../imports.texts";
import { useUndoImport } from "../queries/imports.queries";
import { errorReportUrl } from "../upload-import";
import { ErrorList } from "./ErrorList";
import { ImportCounts } from "./ImportCounts";

const texts = importsTexts.summary;

/** The end of an import: what it did, the rejected rows (on screen and as CSV), and Undo while it can. */
export function ImportSummaryPanel({ imp }: { imp: Import }) {
  const { can } = usePermissions();
  const undo = useUndoImport(imp.id);
  const companies = imp.objectType === "company" ? importsTexts.companies : null;
  const [confirming, setConfirming] = useState(false);
  const took = imp.startedAt && imp.finishedAt ? (new Date(imp.finishedAt).getTime() - new Date(imp.startedAt).getTime()) / 1000 : null;

  return (
    <Stack gap="md">
      {imp.status === "failed" && (
        <Alert color="red" variant="light" title={texts.failedTitle} icon={<IconAlertTriangle aria-hidden />} role="alert">
          {imp.lastError}
        </Alert>
      )}
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="import-summary-title">
        <Stack gap="sm">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Title order={3} size="h4" id="import-summary-title">
              {texts.title}
            </Title>
            <Text size="sm" c="dimmed">
              {[
                imp.finishedAt ? texts.finished(formatDateTime(imp.finishedAt)) : null,
                took !== null ? texts.took(formatDuration(Math.max(1, Math.round(took)))) : null,
                `${texts.rows}: ${formatNumber(imp.progress.rowsDone)}`,
              ]
                .filter(Boolean)
                .join(" · ")}
            </Text>
          </Group>
          <ImportCounts progress={imp.progress} />
          {imp.status === "undone" && imp.undoneAt && (
            <Alert color="orange" variant="light" icon={<IconArrowBackUp aria-hidden />}>
              {(companies ? companies.undoneAt : importsTexts.undo.undoneAt)(formatDateTime(imp.undoneAt))}
            </Alert>
          )}
          <Group gap="xs" wrap="wrap">
            <Button component={Link} to={companies ? "/companies" : "/people"} variant="default">
              {companies ? companies.view : texts.viewPeople}
            </Button>
            <Button component={Link} to={companies ? "/imports/new?type=company" : "/imports/new"} variant="default">
              {texts.another}
            </Button>
            {imp.undoableUntil &&
              (can("records.delete") ? (
                <Button
                  color="red"
                  variant="light"
                  leftSection={<IconArrowBackUp size={16} aria-hidden />}
                  onClick={() => setConfirming(true)}
                >
                  {importsTexts.undo.button}
                </Button>
              ) : (
                <Text size="xs" c="dimmed">
                  {importsTexts.undo.notAllowed}
                </Text>
              ))}
          </Group>
          {imp.undoableUntil && (
            <Text size="xs" c="dimmed">
              {importsTexts.undo.until(formatDateTime(imp.undoableUntil))}
            </Text>
          )}
        </Stack>
      </Paper>
      <ImportErrorsSection imp={imp} />
      <ConfirmDialog
        opened={confirming}
        title={importsTexts.undo.title}
        message={(companies ? companies.undoMessage : importsTexts.undo.message)(
          formatNumber(imp.progress.created),
          formatNumber(imp.progress.updated),
        )}
        confirmLabel={importsTexts.undo.confirm}
        loading={undo.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          undo.mutate(undefined, {
            onSuccess: (r) => {
              setConfirming(false);
              notifySuccess(importsTexts.undo.done(formatNumber(r.removed), formatNumber(r.restored)));
            },
            onError: (e) => notifyError(e),
          })
        }
      />
    </Stack>
  );
}

/** The rejected rows with the CSV download; shared by the summary and the dry run's result. */
export function ImportErrorsSection({ imp }: { imp: Import }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="import-errors-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <div>
            <Title order={3} size="h4" id="import-errors-title">
              {texts.errors}
            </Title>
            <Text size="sm" c="dimmed">
              {texts.errorsDescription}
            </Text>
          </div>
          {imp.progress.failed > 0 && (
            <Anchor href={errorReportUrl(imp.id)} download size="sm">
              <Group gap={4} wrap="nowrap">
                <IconDownload size={16} aria-hidden />
                {texts.download}
              </Group>
            </Anchor>
          )}
        </Group>
        <ErrorList importId={imp.id} count={imp.progress.failed} />
      </Stack>
    </Paper>
  );
}
