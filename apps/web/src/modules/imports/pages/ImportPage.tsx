import { Alert, Button, Group, Paper, Stack, Stepper, Text, Title } from "@mantine/core";
import type { BodyOf, Import, importEndpoints } from "@rapport/contract";
import { IconArrowLeft, IconChecklist, IconCircleCheck, IconPlayerPlay } from "@tabler/icons-react";
import { Link, useParams } from "react-router";
import { ErrorState } from "../../../platform/feedback/ErrorState";
import { notifyError } from "../../../platform/feedback/notify";
import { PageLoader } from "../../../platform/feedback/PageLoader";
import { PageHeader } from "../../../platform/shell/PageHeader";
import { FileFacts } from "../components/FileFacts";
import { ImportCounts } from "../components/ImportCounts";
import { ImportProgress } from "../components/ImportProgress";
import { ImportStatusBadge } from "../components/ImportStatusBadge";
import { ImportErrorsSection, ImportSummaryPanel } from "../components/ImportSummaryPanel";
import { MappingTable } from "../components/MappingTable";
import { MatchOptions } from "../components/MatchOptions";
import { PreviewTable } from "../components/PreviewTable";
import { isActive, mappingChange, mappingWarnings, wizardStep } from "../import-wizard.rules";
import { importsTexts } from "../imports.texts";
import { useImport, useStartImport, useUpdateImport } from "../queries/imports.queries";

const texts = importsTexts;

/**
 * /imports/:id — the import wizard after the upload: map the columns, choose how to match
 * existing people, preview and dry-run, then start and follow the progress to the summary.
 * The step follows the import's status, so reloading the page (or coming back later) lands
 * on the right one.
 */
export function ImportPage() {
  const { id = "" } = useParams();
  const imp = useImport(id);

  if (imp.isPending) return <PageLoader />;
  if (imp.isError) {
    return (
      <>
        <PageHeader title={texts.title} actions={<BackButton />} />
        <ErrorState error={imp.error} onRetry={() => void imp.refetch()} />
      </>
    );
  }
  const data = imp.data;
  const step = wizardStep(data);
  return (
    <>
      <PageHeader title={data.filename} description={<ImportStatusBadge imp={data} />} context={texts.title} actions={<BackButton />} />
      <Stack gap="md">
        {/* Past the last step once the import is over: every step shows as done. */}
        <Stepper active={step === 3 ? 4 : step} size="sm" allowNextStepsSelect={false} aria-label={texts.title}>
          <Stepper.Step label={texts.steps.upload} />
          <Stepper.Step label={texts.steps.map} />
          <Stepper.Step label={texts.steps.run} />
          <Stepper.Step label={texts.steps.summary} />
        </Stepper>
        {step === 1 ? <MapAndCheck imp={data} /> : step === 2 ? <ImportProgress imp={data} /> : <ImportSummaryPanel imp={data} />}
      </Stack>
    </>
  );
}

function BackButton() {
  return (
    <Button component={Link} to="/imports" variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />}>
      {texts.backToList}
    </Button>
  );
}

/** Step 2: the settings, the preview and the dry run; then the real start. */
function MapAndCheck({ imp }: { imp: Import }) {
  const update = useUpdateImport(imp.id);
  const start = useStartImport(imp.id);
  const running = isActive(imp.status);
  const dryDone = imp.dryRun && imp.status === "completed";
  const busy = running || start.isPending;
  const { nameMissing } = mappingWarnings(imp.mapping, imp.matchBy);
  const save = (body: BodyOf<typeof importEndpoints.update>) => update.mutate(body, { onError: (e) => notifyError(e) });
  const run = (dryRun: boolean) => start.mutate({ current: imp, dryRun }, { onError: (e) => notifyError(e) });

  return (
    <Stack gap="md">
      <FileFacts imp={imp} />
      <MappingTable imp={imp} disabled={busy} onChange={(mapping) => save(mappingChange(imp, mapping))} />
      <MatchOptions imp={imp} disabled={busy} onChange={save} />
      <PreviewTable imp={imp} />
      {running ? (
        <ImportProgress imp={imp} />
      ) : dryDone ? (
        <>
          <Paper withBorder radius="md" p="md" component="section" aria-labelledby="import-dry-title">
            <Stack gap="sm">
              <Title order={3} size="h4" id="import-dry-title">
                {texts.dryRun.result}
              </Title>
              <ImportCounts progress={imp.progress} />
              {imp.progress.failed === 0 && (
                <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />}>
                  {texts.dryRun.noErrors}
                </Alert>
              )}
            </Stack>
          </Paper>
          {imp.progress.failed > 0 && <ImportErrorsSection imp={imp} />}
        </>
      ) : (
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="import-check-title">
          <Title order={3} size="h4" id="import-check-title">
            {texts.dryRun.title}
          </Title>
          <Text size="sm" c="dimmed">
            {texts.dryRun.description}
          </Text>
        </Paper>
      )}
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="xs" c="dimmed">
          {texts.start.hint}
        </Text>
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<IconChecklist size={16} aria-hidden />}
            onClick={() => run(true)}
            disabled={busy || update.isPending || nameMissing}
            loading={start.isPending && start.variables?.dryRun === true}
          >
            {running && imp.dryRun ? texts.dryRun.running : texts.dryRun.run}
          </Button>
          <Button
            leftSection={<IconPlayerPlay size={16} aria-hidden />}
            onClick={() => run(false)}
            disabled={busy || update.isPending || nameMissing}
            loading={start.isPending && start.variables?.dryRun === false}
          >
            {dryDone ? texts.start.afterDryRun : texts.start.button}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
