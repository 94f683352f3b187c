import { Button, Group, Modal, Stack, Switch, TextInput } from "@mantine/core";
import type { SavedView, ViewDefinition, ViewObject } from "@rapport/contract";
import { type FormEvent, useState } from "react";
import { fieldError } from "../../../platform/api/field-errors";
import { usePermissions } from "../../../platform/auth/use-permissions";
import { notifySuccess } from "../../../platform/feedback/notify";
import { useCreateView, useUpdateView } from "../queries/views.queries";
import { recordsTexts } from "../records.texts";

const texts = recordsTexts.views;

type Props = {
  type: ViewObject;
  opened: boolean;
  /** The view to rename or (un)share; null to save the current list as a new view. */
  view: SavedView | null;
  definition: ViewDefinition;
  onClose: () => void;
  onSaved: (view: SavedView) => void;
};

export function SaveViewModal({ opened, onClose, ...rest }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={rest.view ? texts.editTitle : texts.saveTitle} centered>
      {opened && <SaveViewForm key={rest.view?.id ?? "new"} onClose={onClose} {...rest} />}
    </Modal>
  );
}

function SaveViewForm({ type, view, definition, onClose, onSaved }: Omit<Props, "opened">) {
  const { can } = usePermissions();
  const create = useCreateView(type);
  const update = useUpdateView(type);
  const mutation = view ? update : create;
  const [name, setName] = useState(view?.name ?? "");
  const [shared, setShared] = useState(view?.shared ?? false);
  const canShare = can("records.write");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const onSuccess = (saved: SavedView) => {
      notifySuccess(view ? texts.updated(saved.name) : texts.saved(saved.name));
      onSaved(saved);
      onClose();
    };
    if (view) update.mutate({ id: view.id, body: { name, shared } }, { onSuccess });
    else create.mutate({ objectType: type, name, shared, definition }, { onSuccess });
  };

  return (
    <form onSubmit={submit}>
      <Stack>
        <TextInput
          label={texts.name}
          required
          data-autofocus
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fieldError(mutation.error, "name")}
        />
        <Switch
          label={texts.share}
          description={canShare ? texts.shareDescription : texts.shareNotAllowed}
          checked={shared}
          disabled={!canShare}
          onChange={(e) => setShared(e.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {recordsTexts.common.cancel}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {view ? recordsTexts.common.saveChanges : texts.saveButton}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
