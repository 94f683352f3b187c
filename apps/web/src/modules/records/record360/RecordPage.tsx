import { Alert, Anchor, Breadcrumbs, Button, Grid, Paper, Skeleton, Stack, Text, Title } from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import { Suspense } from "react";
import { Link, useParams } from "react-router";
import { isApiError } from "../../../platform/api/api-error";
import { usePermissions } from "../../../platform/auth/use-permissions";
import { ErrorState } from "../../../platform/feedback/ErrorState";
import { notifySuccess } from "../../../platform/feedback/notify";
import { PageLoader } from "../../../platform/feedback/PageLoader";
import { PageHeader } from "../../../platform/shell/PageHeader";
import { useRecord, useRestoreRecord } from "../queries/records.queries";
import { type RecordPanel, recordPanelsFor } from "../record-panels";
import type { CustomerRecord, RecordType } from "../record-types";
import { recordsTexts } from "../records.texts";
import { RecordHeader } from "./RecordHeader";
import classes from "./RecordPage.module.css";

const texts = recordsTexts.record;

export type RecordPageConfig = {
  type: RecordType;
  /** "People": the breadcrumb back to the list. */
  listTitle: string;
  listPath: string;
  notFoundTitle: string;
  notFound: string;
};

/**
 * The 360° page of a person or a company: the header (name, stage, owner, tags, quick facts)
 * and every panel registered for the record type (timeline, details, custom fields, related
 * records, documents, history — and whatever later modules add).
 */
export function RecordPage({ config }: { config: RecordPageConfig }) {
  const { id = "" } = useParams();
  const record = useRecord(config.type, id);

  if (record.isPending) return <PageLoader />;
  if (record.isError) {
    const missing = isApiError(record.error) && (record.error.status === 404 || record.error.status === 400);
    return (
      <>
        <PageHeader title={missing ? config.notFoundTitle : texts.loadFailed} context={config.listTitle} />
        {missing ? (
          <Stack align="flex-start">
            <Text>{config.notFound}</Text>
            <Button component={Link} to={config.listPath} variant="default">
              {texts.backTo(config.listTitle)}
            </Button>
          </Stack>
        ) : (
          <ErrorState error={record.error} onRetry={() => void record.refetch()} />
        )}
      </>
    );
  }
  return <RecordView config={config} record={record.data} />;
}

function RecordView({ config, record }: { config: RecordPageConfig; record: CustomerRecord }) {
  const { can } = usePermissions();
  const restore = useRestoreRecord(config.type, record.id);
  const inTrash = record.deletedAt !== null;
  const canEdit = can("records.write") && !inTrash;
  const panels = recordPanelsFor(config.type, can);
  const main = panels.filter((p) => p.area === "main");
  const side = panels.filter((p) => p.area !== "main");

  return (
    <>
      <Breadcrumbs mb="xs" separatorMargin={6} aria-label={texts.breadcrumbs}>
        <Anchor component={Link} to={config.listPath} size="sm">
          {config.listTitle}
        </Anchor>
        <Text size="sm" c="dimmed" truncate maw={320}>
          {record.name}
        </Text>
      </Breadcrumbs>
      {inTrash && (
        <Alert color="red" variant="light" icon={<IconTrash aria-hidden />} mb="md" title={texts.inTrashTitle}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{texts.inTrash}</Text>
            {can("records.delete") && (
              <Button
                size="xs"
                variant="default"
                loading={restore.isPending}
                onClick={() => restore.mutate(undefined, { onSuccess: (r) => notifySuccess(texts.restored(r.name)) })}
              >
                {recordsTexts.list.restore}
              </Button>
            )}
          </Stack>
        </Alert>
      )}
      <RecordHeader type={config.type} record={record} canEdit={canEdit} listTitle={config.listTitle} listPath={config.listPath} />
      <Grid gutter="md" mt="md">
        <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
          <Stack gap="md">
            {main.map((panel) => (
              <PanelFrame key={panel.id} panel={panel} type={config.type} record={record} canEdit={canEdit} />
            ))}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
          <Stack gap="md">
            {side.map((panel) => (
              <PanelFrame key={panel.id} panel={panel} type={config.type} record={record} canEdit={canEdit} />
            ))}
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

function PanelFrame({ panel, type, record, canEdit }: { panel: RecordPanel; type: RecordType; record: CustomerRecord; canEdit: boolean }) {
  const Component = panel.component;
  const headingId = `panel-${panel.id.replace(/[^a-z0-9-]/gi, "-")}`;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId} className={classes.panel}>
      <Title order={3} size="h5" id={headingId} mb="sm">
        {panel.title}
      </Title>
      <Suspense fallback={<PanelSkeleton />}>
        <Component entityType={type} recordId={record.id} record={record} canEdit={canEdit} />
      </Suspense>
    </Paper>
  );
}

function PanelSkeleton() {
  return (
    <Stack gap={8} aria-busy="true" aria-label={recordsTexts.common.loading}>
      <Skeleton height={14} width="70%" />
      <Skeleton height={14} width="90%" />
      <Skeleton height={14} width="50%" />
    </Stack>
  );
}
