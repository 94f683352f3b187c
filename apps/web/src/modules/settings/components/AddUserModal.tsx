import { Button, Group, Modal, PasswordInput, Stack, TextInput } from "@mantine/core";
import type { Role } from "@rapport/contract";
import { type FormEvent, useState } from "react";
import { fieldError } from "../../../platform/api/field-errors";
import { notifySuccess } from "../../../platform/feedback/notify";
import { useCreateUser } from "../queries/users.queries";
import { settingsTexts } from "../settings.texts";
import { RoleSelect } from "./RoleSelect";

const texts = settingsTexts.users;

export function AddUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={texts.addTitle} centered>
      {opened && <AddUserForm onDone={onClose} />}
    </Modal>
  );
}

function AddUserForm({ onDone }: { onDone: () => void }) {
  const createUser = useCreateUser();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("member");
  const [password, setPassword] = useState("");
  const error = createUser.error;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    createUser.mutate(
      { name, email, role, password },
      {
        onSuccess: (user) => {
          notifySuccess(texts.created(user.name));
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit}>
      <Stack>
        <TextInput
          label={settingsTexts.common.name}
          required
          data-autofocus
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fieldError(error, "name")}
          maxLength={200}
        />
        <TextInput
          label={texts.email}
          type="email"
          required
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={fieldError(error, "email")}
        />
        <RoleSelect value={role} onChange={setRole} required error={fieldError(error, "role")} />
        <PasswordInput
          label={texts.password}
          description={texts.passwordDescription}
          required
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={fieldError(error, "password")}
          minLength={10}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {settingsTexts.common.cancel}
          </Button>
          <Button type="submit" loading={createUser.isPending}>
            {texts.add}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
