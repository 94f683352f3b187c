import { Group } from "@mantine/core";
import type { SavedView } from "@rapport/contract";
import { type ReactNode, useState } from "react";
import { DeleteViewDialog } from "../../records/list/DeleteViewDialog";
import { SaveViewModal } from "../../records/list/SaveViewModal";
import { ViewChangeActions } from "../../records/list/ViewChangeActions";
import { ViewPicker } from "../../records/list/ViewPicker";
import { useSavedViews } from "../../records/queries/views.queries";
import { dealsTexts } from "../deals.texts";
import { hasFilters } from "../queries/deal-filters";
import { type DealPage, dealPageOfDefinition, definitionOfDealPage, differsFromDealView } from "../queries/deal-views";

/**
 * Saved views of the deals page, as on the people list: pick one (mine or shared), save the
 * current board or list as a view, save changes to it, discard them, rename, share, delete.
 */
export function DealViewBar({
  page,
  savedViewId,
  onOpen,
  children,
}: {
  page: DealPage;
  savedViewId: string | null;
  /** Show a page (a view's, or the plain one) and remember which saved view it is. */
  onOpen: (page: DealPage, viewId: string | null) => void;
  /** The page's other controls, between the view picker and the view's buttons. */
  children: ReactNode;
}) {
  const views = useSavedViews("deal");
  const [saveOpen, setSaveOpen] = useState(false);
  const [editing, setEditing] = useState<SavedView | null>(null);
  const [deleting, setDeleting] = useState<SavedView | null>(null);
  const current = views.data?.find((v) => v.id === savedViewId) ?? null;
  const dirty = current !== null && differsFromDealView(page, current.definition);
  const openView = (view: SavedView | null) =>
    onOpen(view ? dealPageOfDefinition(view.definition) : { layout: page.layout, filters: {} }, view?.id ?? null);
  const saveAs = () => {
    setEditing(null);
    setSaveOpen(true);
  };

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" mb="sm">
      <ViewPicker
        views={views.data ?? []}
        current={current}
        defaultLabel={dealsTexts.views.all}
        onSelect={openView}
        onSaveAs={saveAs}
        onEdit={(view) => {
          setEditing(view);
          setSaveOpen(true);
        }}
        onDelete={setDeleting}
      />
      {children}
      <Group gap={6} ml="auto">
        <ViewChangeActions
          type="deal"
          current={current}
          dirty={dirty}
          canSaveNew={hasFilters(page.filters)}
          definition={definitionOfDealPage(page)}
          onDiscard={openView}
          onSaveAs={saveAs}
        />
      </Group>
      <SaveViewModal
        type="deal"
        opened={saveOpen}
        view={editing}
        definition={definitionOfDealPage(page)}
        onClose={() => setSaveOpen(false)}
        onSaved={(view) => onOpen(page, view.id)}
      />
      <DeleteViewDialog
        type="deal"
        view={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={(id) => {
          if (id === savedViewId) onOpen(page, null);
        }}
      />
    </Group>
  );
}
