import { Button } from "@mantine/core";
import type { SavedView, ViewDefinition, ViewObject } from "@rapport/contract";
import { useMe } from "../../../platform/auth/use-me";
import { notifySuccess } from "../../../platform/feedback/notify";
import { useUpdateView } from "../queries/views.queries";
import { recordsTexts } from "../records.texts";

const texts = recordsTexts.views;

/**
 * The buttons of a list that has moved away from its saved view (or has filters and no view):
 * save the changes into the view (its owner only), discard them, or save as a new view.
 */
export function ViewChangeActions({
  type,
  current,
  dirty,
  canSaveNew,
  definition,
  onDiscard,
  onSaveAs,
}: {
  type: ViewObject;
  current: SavedView | null;
  dirty: boolean;
  /** Without a view: whether there is anything worth saving (filters, a sort…). */
  canSaveNew: boolean;
  definition: ViewDefinition;
  onDiscard: (view: SavedView) => void;
  onSaveAs: () => void;
}) {
  const me = useMe();
  const updateView = useUpdateView(type);
  return (
    <>
      {current && dirty && current.ownerId === me.user.id && (
        <Button
          size="compact-sm"
          variant="light"
          loading={updateView.isPending}
          onClick={() =>
            updateView.mutate({ id: current.id, body: { definition } }, { onSuccess: (v) => notifySuccess(texts.updated(v.name)) })
          }
        >
          {recordsTexts.common.saveChanges}
        </Button>
      )}
      {current && dirty && (
        <Button size="compact-sm" variant="subtle" color="gray" onClick={() => onDiscard(current)}>
          {texts.discard}
        </Button>
      )}
      {((current && dirty) || (!current && canSaveNew)) && (
        <Button size="compact-sm" variant={current ? "subtle" : "light"} onClick={onSaveAs}>
          {current ? texts.saveAs : texts.saveAsShort}
        </Button>
      )}
    </>
  );
}
