import { Button, CloseButton, Group, Loader, Pill, Stack, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import type { SavedView } from "@rapport/contract";
import { IconArrowBackUp, IconPlus, IconSearch, IconTrash } from "@tabler/icons-react";
import { type ComponentType, type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import { useMe } from "../../../platform/auth/use-me";
import { usePermissions } from "../../../platform/auth/use-permissions";
import { EmptyState } from "../../../platform/feedback/EmptyState";
import { ErrorState } from "../../../platform/feedback/ErrorState";
import { notifySuccess } from "../../../platform/feedback/notify";
import { TableSkeleton } from "../../../platform/feedback/TableSkeleton";
import { useRegisterCommands } from "../../../platform/shell/command-registry";
import { PageHeader } from "../../../platform/shell/PageHeader";
import { useCreateParam } from "../../../platform/shell/use-create-param";
import { lifecycleLabel } from "../components/LifecycleBadge";
import { useBulkAction, useCompanyNames, useRecordFields, useRecordList } from "../queries/records.queries";
import { useUserDirectory } from "../queries/users.queries";
import { useSavedViews } from "../queries/views.queries";
import type { CustomerRecord, RecordType } from "../record-types";
import { recordsTexts } from "../records.texts";
import { BulkBar } from "./BulkBar";
import { ColumnChooser } from "./ColumnChooser";
import { DeleteViewDialog } from "./DeleteViewDialog";
import { clearDefaultFilters, loadDefaultState, saveDefaultState } from "./default-list-state";
import { FilterBuilder } from "./FilterBuilder";
import { describeFilter, type FilterCondition, splitValues } from "./filters";
import { differsFromView, type ListState, listQuery, shownColumns, stateFromView, viewDefinition } from "./list-state";
import { RecordTable } from "./RecordTable";
import { SaveViewModal } from "./SaveViewModal";
import { formatSort, parseSort, toggleSort } from "./sort";
import { useAvailableHeight } from "./use-available-height";
import { ViewChangeActions } from "./ViewChangeActions";
import { ViewPicker } from "./ViewPicker";

export type RecordListConfig = {
  type: RecordType;
  title: string;
  description: string;
  /** The list without a saved view, e.g. "All people". */
  allLabel: string;
  searchPlaceholder: string;
  newLabel: string;
  emptyTitle: string;
  emptyDescription: string;
  icon: ReactNode;
  defaultColumns: string[];
  CreateModal: ComponentType<{ opened: boolean; onClose: () => void }>;
  /** Shown before the create button for those who may write records (e.g. the Import button of People). */
  writeActions?: ReactNode;
};

const texts = recordsTexts.list;
const PAGE_SIZE = 100;

/**
 * The list page of people or companies: saved views, search, filters, columns, multi-column
 * sort, a virtualised table loading pages as it scrolls, selection with bulk actions, and the
 * trash. The chosen view and the trash are in the URL (`?view=`, `?trash=1`).
 */
export function RecordListPage({ config }: { config: RecordListConfig }) {
  const { type, defaultColumns } = config;
  const { can } = usePermissions();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const viewId = params.get("view");
  const trash = params.get("trash") === "1";
  const views = useSavedViews(type);
  const fields = useRecordFields(type);
  const users = useUserDirectory();
  const scope = useMemo(() => ({ userId: me.user.id, type }), [me.user.id, type]);
  const currentView = useMemo(() => views.data?.find((v) => v.id === viewId) ?? null, [views.data, viewId]);

  const [state, setState] = useState<ListState>(() =>
    viewId ? stateFromView(undefined, defaultColumns) : loadDefaultState(scope, defaultColumns),
  );
  const [search, setSearch] = useState(state.q);
  const [debouncedSearch] = useDebouncedValue(search, 300);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [saveOpen, setSaveOpen] = useState(false);
  const [editing, setEditing] = useState<SavedView | null>(null);
  const [deleting, setDeleting] = useState<SavedView | null>(null);
  const [creating, createModal] = useCreateParam(can("records.write"));
  const restore = useBulkAction(type);

  // Apply a view's definition when it is chosen (once the views are loaded).
  const applied = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    const key = viewId ?? null;
    if (applied.current === key) return;
    if (key && !views.data) return;
    applied.current = key;
    const view = key ? views.data?.find((v) => v.id === key) : undefined;
    if (key && !view) {
      // A deleted or unknown view: back to the plain list.
      setParams((p) => {
        const next = new URLSearchParams(p);
        next.delete("view");
        return next;
      });
      return;
    }
    const next = view ? stateFromView(view.definition, defaultColumns) : loadDefaultState(scope, defaultColumns);
    setState(next);
    setSearch(next.q);
  }, [viewId, views.data, defaultColumns, scope, setParams]);

  useEffect(() => {
    setState((s) => (s.q === debouncedSearch ? s : { ...s, q: debouncedSearch }));
  }, [debouncedSearch]);

  useEffect(() => {
    if (!viewId) saveDefaultState(scope, state);
  }, [viewId, scope, state]);

  const query = useMemo(() => listQuery(state, { trash, fields: fields.data, limit: PAGE_SIZE }), [state, trash, fields.data]);
  const list = useRecordList(type, query, { enabled: !viewId || applied.current === viewId });
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);

  // A different list starts with nothing selected.
  const queryKey = JSON.stringify(query);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on every new query
  useEffect(() => setSelected(new Set()), [queryKey]);

  const columns = useMemo(() => {
    const all = fields.data ?? [];
    // In the trash, when a record was deleted comes right after its name.
    const chosen = trash ? ["deletedAt", ...state.columns.filter((c) => c !== "deletedAt")] : state.columns;
    return shownColumns(chosen, all);
  }, [fields.data, state.columns, trash]);
  // Without a chosen sort the server sorts by name (the trash: most recently deleted first); show that.
  const defaultSort = trash ? "-deletedAt" : "name";
  const sortKeys = useMemo(() => parseSort(state.sort || defaultSort), [state.sort, defaultSort]);
  const dirty = currentView ? differsFromView(state, currentView.definition, defaultColumns) : false;

  const tableTop = useRef<HTMLDivElement>(null);
  const height = useAvailableHeight(tableTop, 52, 320, [state.filters.length, selected.size > 0, dirty, trash]);

  const setParam = (name: string, value: string | null) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (value === null) next.delete(name);
      else next.set(name, value);
      return next;
    });

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const onLoadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const restoreMutate = restore.mutate;
  const restoreOne = useCallback(
    (record: CustomerRecord) =>
      restoreMutate({ action: "restore", ids: [record.id] }, { onSuccess: (n) => notifySuccess(texts.restored(n)) }),
    [restoreMutate],
  );

  const companyNames = useCompanyNames(state.filters.filter((f) => f.field === "companyId").flatMap((f) => splitValues(f.value)));
  const formatFilterValue = (filter: FilterCondition) => (value: string) => {
    if (filter.field === "ownerId") return users.nameOf(value) ?? recordsTexts.common.unknownUser;
    if (filter.field === "companyId") return companyNames.get(value) ?? value;
    if (filter.field === "lifecycleStage") return lifecycleLabel(value);
    if (value === "true" || value === "false") {
      const field = fields.data?.find((f) => f.key === filter.field);
      if (field?.type === "boolean") return value === "true" ? recordsTexts.common.yes : recordsTexts.common.no;
    }
    return value;
  };

  useRegisterCommands(
    can("records.write")
      ? [{ id: `records:${type}:new`, label: config.newLabel, icon: IconPlus, run: createModal.open, group: config.title }]
      : [],
  );

  const toggle = useCallback(
    (id: string) =>
      setSelected((s) => {
        const next = new Set(s);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );
  const toggleAll = () =>
    setSelected((s) => (rows.length > 0 && rows.every((r) => s.has(r.id)) ? new Set() : new Set(rows.map((r) => r.id))));
  const tagsOfSelection = useMemo(
    () => [...new Set(rows.filter((r) => selected.has(r.id)).flatMap((r) => r.tags))].sort((a, b) => a.localeCompare(b)),
    [rows, selected],
  );
  const filtered = state.filters.length > 0 || state.q.trim() !== "";

  const create = can("records.write") && (
    <>
      {config.writeActions}
      <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={createModal.open}>
        {config.newLabel}
      </Button>
    </>
  );

  return (
    <>
      <PageHeader title={trash ? `${config.title} · ${texts.trash}` : config.title} description={config.description} actions={create} />
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          <ViewPicker
            views={views.data ?? []}
            current={currentView}
            defaultLabel={config.allLabel}
            onSelect={(view) => {
              if (!view) {
                clearDefaultFilters(scope);
                if (!viewId) {
                  setSearch("");
                  setState((s) => ({ ...s, filters: [], q: "" }));
                }
              }
              setParam("view", view?.id ?? null);
            }}
            onSaveAs={() => {
              setEditing(null);
              setSaveOpen(true);
            }}
            onEdit={(view) => {
              setEditing(view);
              setSaveOpen(true);
            }}
            onDelete={setDeleting}
          />
          <TextInput
            aria-label={texts.searchLabel}
            placeholder={config.searchPlaceholder}
            leftSection={<IconSearch size={16} aria-hidden />}
            rightSection={search ? <CloseButton size="sm" aria-label={texts.clearSearch} onClick={() => setSearch("")} /> : undefined}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            style={{ flex: "1 1 200px", maxWidth: 340 }}
          />
          <FilterBuilder fields={fields.data ?? []} filters={state.filters} onChange={(filters) => setState((s) => ({ ...s, filters }))} />
          <ColumnChooser
            fields={fields.data ?? []}
            columns={state.columns}
            onChange={(cols) => setState((s) => ({ ...s, columns: cols }))}
            onReset={() => setState((s) => ({ ...s, columns: defaultColumns }))}
          />
          {list.isFetching && !list.isPending && !list.isFetchingNextPage && <Loader size="xs" aria-label={recordsTexts.common.loading} />}
          <Button
            ml="auto"
            variant={trash ? "light" : "default"}
            color={trash ? "red" : undefined}
            leftSection={trash ? <IconArrowBackUp size={16} aria-hidden /> : <IconTrash size={16} aria-hidden />}
            onClick={() => setParam("trash", trash ? null : "1")}
            aria-pressed={trash}
          >
            {trash ? texts.backToList : texts.trash}
          </Button>
        </Group>

        {(state.filters.length > 0 || dirty || (!currentView && (state.filters.length > 0 || state.sort))) && (
          <Group gap={6} wrap="wrap">
            {state.filters.map((filter, index) => {
              const field = fields.data?.find((f) => f.key === filter.field);
              const text = describeFilter(filter, field, formatFilterValue(filter));
              return (
                <Pill
                  // biome-ignore lint/suspicious/noArrayIndexKey: a condition's position is its identity
                  key={index}
                  size="md"
                  withRemoveButton
                  onRemove={() => setState((s) => ({ ...s, filters: s.filters.filter((_, i) => i !== index) }))}
                  removeButtonProps={{ "aria-label": recordsTexts.filters.removeChip(text) }}
                >
                  {text}
                </Pill>
              );
            })}
            {state.filters.length > 1 && (
              <Button variant="subtle" size="compact-xs" color="gray" onClick={() => setState((s) => ({ ...s, filters: [] }))}>
                {recordsTexts.filters.clearAll}
              </Button>
            )}
            <Group gap={6} ml="auto">
              <ViewChangeActions
                type={type}
                current={currentView}
                dirty={dirty}
                canSaveNew
                definition={viewDefinition(state)}
                onDiscard={(view) => setState(stateFromView(view.definition, defaultColumns))}
                onSaveAs={() => {
                  setEditing(null);
                  setSaveOpen(true);
                }}
              />
            </Group>
          </Group>
        )}

        {selected.size > 0 && (
          <BulkBar type={type} ids={[...selected]} tagsOfSelection={tagsOfSelection} trash={trash} onDone={() => setSelected(new Set())} />
        )}

        <div ref={tableTop}>
          {list.isPending || fields.isPending ? (
            <TableSkeleton rows={10} />
          ) : list.isError ? (
            <ErrorState error={list.error} onRetry={() => void list.refetch()} />
          ) : fields.isError ? (
            <ErrorState error={fields.error} onRetry={() => void fields.refetch()} />
          ) : rows.length === 0 ? (
            trash ? (
              <EmptyState icon={<IconTrash />} title={texts.emptyTrashTitle} description={texts.emptyTrash} />
            ) : filtered ? (
              <EmptyState
                icon={<IconSearch />}
                title={texts.emptyTitle}
                description={texts.emptyFiltered}
                action={
                  <Button
                    variant="default"
                    onClick={() => {
                      setSearch("");
                      setState((s) => ({ ...s, filters: [], q: "" }));
                    }}
                  >
                    {texts.clearFilters}
                  </Button>
                }
              />
            ) : (
              <EmptyState icon={config.icon} title={config.emptyTitle} description={config.emptyDescription} action={create} />
            )
          ) : (
            <RecordTable
              type={type}
              label={texts.table(config.title)}
              columns={columns}
              rows={rows}
              sort={sortKeys}
              onSort={(field, additive) =>
                setState((s) => ({ ...s, sort: formatSort(toggleSort(parseSort(s.sort || defaultSort), field, additive)) }))
              }
              selectable={trash ? can("records.delete") : can("records.write") || can("records.delete")}
              selected={selected}
              onToggle={toggle}
              onToggleAll={toggleAll}
              hasMore={list.hasNextPage}
              loadingMore={list.isFetchingNextPage}
              onLoadMore={onLoadMore}
              onRestore={trash && can("records.delete") ? restoreOne : undefined}
              nameOf={users.nameOf}
              height={height}
            />
          )}
        </div>
      </Stack>

      <config.CreateModal opened={creating} onClose={createModal.close} />
      <SaveViewModal
        type={type}
        opened={saveOpen}
        view={editing}
        definition={viewDefinition(state)}
        onClose={() => setSaveOpen(false)}
        onSaved={(view) => {
          if (!viewId) clearDefaultFilters(scope);
          applied.current = view.id;
          setParam("view", view.id);
        }}
      />
      <DeleteViewDialog
        type={type}
        view={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={(id) => {
          if (viewId === id) setParam("view", null);
        }}
      />
    </>
  );
}
