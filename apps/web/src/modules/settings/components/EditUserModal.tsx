import { Button, Group, Modal, Stack, Switch, TextInput } from "@mantine/core";
import type { Role, User } from "@rapport/contract";
import { type FormEvent, useState } from "react";
import { fieldError } from "../../../platform/api/field-errors";
import { notifySuccess } from "../../../platform/feedback/notify";
import { useUpdateUser } from "../queries/users.queries";
import { settingsTexts } from "../settings.texts";
import { RoleSelect } from "./RoleSelect";

const texts = settingsTexts.users;

type Props = { user: User | null; isSelf: boolean; onClose: () => void };

export function EditUserModal({ user, isSelf, onClose }: Props) {
  return (
    <Modal opened={user !== null} onClose={onClose} title={user ? texts.editTitle(user.name) : ""} centered>
      {user && <EditUserForm key={user.id} user={user} isSelf={isSelf} onDone={onClose} />}
    </Modal>
  );
}

function EditUserForm({ user, isSelf, onDone }: { user: User; isSelf: boolean; onDone: () => void }) {
  const updateUser = useUpdateUser();
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState<Role>(user.role);
  const [active, setActive] = useState(user.active);
  const error = updateUser.error;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // PATCH only what changed.
    const body = {
      ...(name.trim() !== user.name ? { name } : {}),
      ...(role !== user.role ? { role } : {}),
      ...(active !== user.active ? { active } : {}),
    };
    if (Object.keys(body).length === 0) return onDone();
    updateUser.mutate(
      { id: user.id, body },
      {
        onSuccess: (updated) => {
          notifySuccess(texts.updated(updated.name));
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit}>
      <Stack>
        <TextInput label={texts.email} value={user.email} readOnly variant="filled" />
        <TextInput
          label={settingsTexts.common.name}
          required
          data-autofocus
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fieldError(error, "name")}
          maxLength={200}
        />
        <RoleSelect value={role} onChange={setRole} required error={fieldError(error, "role")} />
        <Switch
          label={texts.activeLabel}
          description={isSelf ? texts.cannotDeactivateSelf : texts.activeDescription}
          checked={active}
          disabled={isSelf}
          onChange={(e) => setActive(e.currentTarget.checked)}
          error={fieldError(error, "active")}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {settingsTexts.common.cancel}
          </Button>
          <Button type="submit" loading={updateUser.isPending}>
            {settingsTexts.common.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
