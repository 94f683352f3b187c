import { Alert, Anchor, Breadcrumbs, Button, Grid, Paper, Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import type { Deal } from "@rapport/contract";
import { IconTrash } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { Link, useParams } from "react-router";
import { isApiError } from "../../../platform/api/api-error";
import { usePermissions } from "../../../platform/auth/use-permissions";
import { ErrorState } from "../../../platform/feedback/ErrorState";
import { notifySuccess } from "../../../platform/feedback/notify";
import { PageLoader } from "../../../platform/feedback/PageLoader";
import { PageHeader } from "../../../platform/shell/PageHeader";
import { shellTexts } from "../../../platform/shell/shell.texts";
import { DealPlaybookPanel } from "../../playbooks/components/DealPlaybookPanel";
import { dealsTexts } from "../deals.texts";
import { useDeal, useRestoreDeal } from "../queries/deals.queries";
import { usePipelines } from "../queries/pipelines.queries";
import { DealContacts } from "./DealContacts";
import { DealDetails } from "./DealDetails";
import { DealHeader } from "./DealHeader";
import { DealTimeline } from "./DealTimeline";
import { LineItemsEditor } from "./LineItemsEditor";
import { StageHistory } from "./StageHistory";

const texts = dealsTexts.deal;

/** /deals/:id — the header with stage steps and won/lost, line items, timeline, the stage's playbook, details, people and stage history. */
export function DealPage() {
  const { id = "" } = useParams();
  const deal = useDeal(id);
  if (deal.isPending) return <PageLoader />;
  if (deal.isError) {
    const missing = isApiError(deal.error) && (deal.error.status === 404 || deal.error.status === 400);
    return (
      <>
        <PageHeader title={missing ? texts.notFoundTitle : texts.loadFailed} context={dealsTexts.page.title} />
        {missing ? (
          <Stack align="flex-start">
            <Text>{texts.notFound}</Text>
            <Button component={Link} to="/deals" variant="default">
              {texts.back}
            </Button>
          </Stack>
        ) : (
          <ErrorState error={deal.error} onRetry={() => void deal.refetch()} />
        )}
      </>
    );
  }
  return <DealView deal={deal.data} />;
}

function DealView({ deal }: { deal: Deal }) {
  const { can } = usePermissions();
  const pipelines = usePipelines("all");
  const restore = useRestoreDeal(deal.id);
  const pipeline = pipelines.data?.find((p) => p.id === deal.pipelineId);
  const inTrash = deal.deletedAt !== null;
  const canEdit = can("records.write") && !inTrash;
  useDocumentTitle(`${deal.name} · ${dealsTexts.page.title} · ${shellTexts.appName}`);

  return (
    <>
      <Breadcrumbs mb="xs" separatorMargin={6} aria-label={texts.breadcrumbs}>
        <Anchor component={Link} to={`/deals?pipeline=${deal.pipelineId}`} size="sm">
          {pipeline?.name ?? dealsTexts.page.title}
        </Anchor>
        <Text size="sm" c="dimmed" truncate maw={320}>
          {deal.name}
        </Text>
      </Breadcrumbs>
      {inTrash && (
        <Alert color="red" variant="light" icon={<IconTrash aria-hidden />} mb="md" title={texts.inTrash}>
          {can("records.delete") && (
            <Button
              size="xs"
              variant="default"
              loading={restore.isPending}
              onClick={() => restore.mutate(undefined, { onSuccess: (d) => notifySuccess(texts.restored(d.name)) })}
            >
              {texts.restore}
            </Button>
          )}
        </Alert>
      )}
      <DealHeader deal={deal} pipeline={pipeline} canEdit={canEdit} />
      <Grid gutter="md" mt="md">
        <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
          <Stack gap="md">
            <Section id="deal-items" title={dealsTexts.items.title}>
              <LineItemsEditor deal={deal} canEdit={canEdit} />
            </Section>
            <Section id="deal-timeline" title={dealsTexts.timeline.title}>
              <DealTimeline deal={deal} canEdit={canEdit} />
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
          <Stack gap="md">
            <DealPlaybookPanel dealId={deal.id} />
            <Section id="deal-details" title={dealsTexts.details.title}>
              <DealDetails deal={deal} canEdit={canEdit} />
            </Section>
            <Section id="deal-contacts" title={dealsTexts.contacts.title}>
              <DealContacts deal={deal} canEdit={canEdit} />
            </Section>
            <Section id="deal-history" title={dealsTexts.history.title}>
              <StageHistory dealId={deal.id} />
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id}>
      <Title order={3} size="h5" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
