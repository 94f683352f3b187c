import type { SavedView, ViewObject } from "@rapport/contract";
import { ConfirmDialog } from "../../../platform/feedback/ConfirmDialog";
import { notifySuccess } from "../../../platform/feedback/notify";
import { useDeleteView } from "../queries/views.queries";
import { recordsTexts } from "../records.texts";

const texts = recordsTexts.views;

/** Asks before deleting a saved view (more firmly when others use it), then deletes it. */
export function DeleteViewDialog({
  type,
  view,
  onClose,
  onDeleted,
}: {
  type: ViewObject;
  view: SavedView | null;
  onClose: () => void;
  onDeleted: (id: string) => void;
}) {
  const deleteView = useDeleteView(type);
  return (
    <ConfirmDialog
      opened={view !== null}
      title={view ? texts.confirmDeleteTitle(view.name) : ""}
      message={view?.shared ? texts.confirmDeleteShared : texts.confirmDelete}
      confirmLabel={texts.delete}
      loading={deleteView.isPending}
      onClose={onClose}
      onConfirm={() => {
        if (!view) return;
        const { id, name } = view;
        deleteView.mutate(id, {
          onSuccess: () => {
            notifySuccess(texts.deleted(name));
            onClose();
            onDeleted(id);
          },
        });
      }}
    />
  );
}
