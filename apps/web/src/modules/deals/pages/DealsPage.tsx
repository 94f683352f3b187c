import { Button, Group, SegmentedControl, VisuallyHidden } from "@mantine/core";
import { IconChartBar, IconLayoutKanban, IconList, IconPlus, IconTimelineEvent } from "@tabler/icons-react";
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
import { DealViewBar } from "../components/DealViewBar";
import { NewDealModal } from "../components/NewDealModal";
import { PipelineSelect } from "../components/PipelineSelect";
import { dealsTexts } from "../deals.texts";
import { DealsList } from "../list/DealsList";
import { filtersToSearch } from "../queries/deal-filters";
import { type DealPage, dealPageFromSearch, PAGE_PARAMS, searchOfDealPage } from "../queries/deal-views";
import { usePipelines } from "../queries/pipelines.queries";

const texts = dealsTexts.page;
const DEFAULT_LIST_SORT = "-createdAt";

/**
 * /deals: the board (default) or the list of one pipeline. The pipeline, board or list, the
 * list's sort, the filters and the saved view live in the address
 * (?pipeline=…&view=list&ownerId=…&savedView=…), so a filtered board is a link.
 */
export function DealsPage() {
  const { can } = usePermissions();
  const pipelines = usePipelines();
  const [params, setParams] = useSearchParams();
  const [creating, createHandlers] = useCreateParam(can("records.write"));
  const page = useMemo(() => dealPageFromSearch(params), [params]);
  const { filters, layout: view } = page;
  const savedViewId = params.get(PAGE_PARAMS.savedView);
  const list = pipelines.data ?? [];
  const pipeline = list.find((p) => p.id === page.pipelineId) ?? list[0];
  const openPage = (next: DealPage, viewId: string | null) => setParams(searchOfDealPage(next, viewId), { replace: true });
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
        <Group gap="xs">
          {list.length > 0 && (
            <Button component={Link} to="/forecast/metrics" variant="default" leftSection={<IconChartBar size={16} aria-hidden />}>
              {texts.metrics}
            </Button>
          )}
          {can("records.write") && list.length > 0 && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={createHandlers.open}>
              {texts.newDeal}
            </Button>
          )}
        </Group>
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
      <DealViewBar page={page} savedViewId={savedViewId} onOpen={openPage}>
        <PipelineSelect
          label={texts.pipeline}
          pipelines={list}
          value={pipeline.id}
          onChange={(id) => setParam(PAGE_PARAMS.pipeline, id)}
          w={240}
        />
        <SegmentedControl
          aria-label={texts.viewToggle}
          value={view}
          onChange={(v) => setParam(PAGE_PARAMS.layout, v === "list" ? "list" : null)}
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
      </DealViewBar>
      <DealFiltersBar
        filters={filters}
        onChange={(next) => setParams((previous) => filtersToSearch(next, previous), { replace: true })}
        withStatus={view === "list"}
      />
      <VisuallyHidden>{dealsTexts.filters.viewsNote}</VisuallyHidden>
      {view === "board" ? (
        <DealsBoard pipeline={pipeline} filters={filters} />
      ) : (
        <DealsList
          pipeline={pipeline}
          filters={filters}
          sort={page.sort ?? DEFAULT_LIST_SORT}
          onSort={(sort) => setParam(PAGE_PARAMS.sort, sort)}
        />
      )}
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
