import { Button, Group, SegmentedControl, VisuallyHidden } from "@mantine/core";
import { IconLayoutKanban, IconList, IconPlus, IconTimelineEvent } from "@tabler/icons-react";
import { useMemo } from "react";
import { Link, useSearchParams } from "react-router";
import { usePermissions } from "../../../platform/auth/use-permissions";
import { EmptyState } from "../../../platform/feedback/EmptyState";
import { ErrorState } from "../../../platform/feedback/ErrorState";
import { PageLoader } from "../../../platform/feedback/PageLoader";
import { PageHeader } from "../../../platform/shell/PageHeader";
import { useCreateParam } from "../../../platform/shell/use-create-param";
import { DealsBoard } from "../board/DealsBoard";
import { DealFiltersBar } from "../components/DealFiltersBar";
import { NewDealModal } from "../components/NewDealModal";
import { PipelineSelect } from "../components/PipelineSelect";
import { dealsTexts } from "../deals.texts";
import { DealsList } from "../list/DealsList";
import { filtersFromSearch, filtersToSearch } from "../queries/deal-filters";
import { usePipelines } from "../queries/pipelines.queries";

const texts = dealsTexts.page;

/**
 * /deals: the board (default) or the list of one pipeline. The pipeline, the view and the
 * filters live in the address (?pipeline=…&view=list&ownerId=…), so a filtered board is a link.
 */
export function DealsPage() {
  const { can } = usePermissions();
  const pipelines = usePipelines();
  const [params, setParams] = useSearchParams();
  const [creating, createHandlers] = useCreateParam(can("records.write"));
  const filters = useMemo(() => filtersFromSearch(params), [params]);
  const view = params.get("view") === "list" ? "list" : "board";
  const list = pipelines.data ?? [];
  const pipeline = list.find((p) => p.id === params.get("pipeline")) ?? list[0];
  const setParam = (key: string, value: string | null) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value === null) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );

  const header = (
    <PageHeader
      title={texts.title}
      description={texts.description}
      actions={
        can("records.write") && list.length > 0 ? (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={createHandlers.open}>
            {texts.newDeal}
          </Button>
        ) : undefined
      }
    />
  );

  if (pipelines.isPending) return <PageLoader />;
  if (pipelines.isError) {
    return (
      <>
        {header}
        <ErrorState error={pipelines.error} onRetry={() => void pipelines.refetch()} />
      </>
    );
  }
  if (!pipeline) {
    return (
      <>
        {header}
        <EmptyState
          icon={<IconTimelineEvent />}
          title={texts.noPipelines}
          description={texts.noPipelinesHint}
          action={
            can("sales.manage") ? (
              <Button component={Link} to="/settings/pipelines" variant="default">
                {texts.openSettings}
              </Button>
            ) : undefined
          }
        />
      </>
    );
  }

  return (
    <>
      {header}
      <Group gap="sm" mb="sm" align="flex-end" wrap="wrap">
        <PipelineSelect label={texts.pipeline} pipelines={list} value={pipeline.id} onChange={(id) => setParam("pipeline", id)} w={240} />
        <SegmentedControl
          aria-label={texts.viewToggle}
          value={view}
          onChange={(v) => setParam("view", v === "list" ? "list" : null)}
          data={[
            {
              value: "board",
              label: (
                <Group gap={6} wrap="nowrap">
                  <IconLayoutKanban size={16} aria-hidden />
                  <span>{texts.board}</span>
                </Group>
              ),
            },
            {
              value: "list",
              label: (
                <Group gap={6} wrap="nowrap">
                  <IconList size={16} aria-hidden />
                  <span>{texts.list}</span>
                </Group>
              ),
            },
          ]}
        />
      </Group>
      <DealFiltersBar
        filters={filters}
        onChange={(next) => setParams((previous) => filtersToSearch(next, previous), { replace: true })}
        withStatus={view === "list"}
      />
      <VisuallyHidden>{dealsTexts.filters.viewsNote}</VisuallyHidden>
      {view === "board" ? <DealsBoard pipeline={pipeline} filters={filters} /> : <DealsList pipeline={pipeline} filters={filters} />}
      <NewDealModal
        opened={creating}
        onClose={createHandlers.close}
        pipelines={list}
        defaults={{
          pipelineId: pipeline.id,
          // From the deals panel of a company's or a person's 360° page.
          companyId: params.get("forCompany"),
          companyName: params.get("forCompany") ? params.get("forName") : null,
          contactId: params.get("forContact"),
          contactName: params.get("forContact") ? params.get("forName") : null,
        }}
      />
    </>
  );
}
