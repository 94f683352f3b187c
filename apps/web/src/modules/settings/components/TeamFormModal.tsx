import { Alert, Button, Group, Modal, MultiSelect, Stack, TextInput } from "@mantine/core";
import type { Team, User } from "@rapport/contract";
import { type FormEvent, useMemo, useState } from "react";
import { fieldError } from "../../../platform/api/field-errors";
import { notifySuccess } from "../../../platform/feedback/notify";
import { useCreateTeam, useUpdateTeam } from "../queries/teams.queries";
import { settingsTexts } from "../settings.texts";

const texts = settingsTexts.teams;

type Props = {
  opened: boolean;
  /** The team to edit; null to create one. */
  team: Team | null;
  users: User[] | undefined;
  usersFailed: boolean;
  onClose: () => void;
};

export function TeamFormModal({ opened, team, users, usersFailed, onClose }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={team ? texts.editTitle(team.name) : texts.createTitle} centered>
      {opened && <TeamForm key={team?.id ?? "new"} team={team} users={users} usersFailed={usersFailed} onDone={onClose} />}
    </Modal>
  );
}

function TeamForm({ team, users, usersFailed, onDone }: Omit<Props, "opened" | "onClose"> & { onDone: () => void }) {
  const createTeam = useCreateTeam();
  const updateTeam = useUpdateTeam();
  const mutation = team ? updateTeam : createTeam;
  const [name, setName] = useState(team?.name ?? "");
  const [memberIds, setMemberIds] = useState<string[]>(team?.memberIds ?? []);

  const options = useMemo(() => {
    const known = new Map((users ?? []).map((u) => [u.id, u]));
    const list = (users ?? []).map((u) => ({
      value: u.id,
      label: u.active ? u.name : `${u.name} (${settingsTexts.users.inactive})`,
    }));
    // Members the list does not contain (e.g. filtered out) stay selectable so they are not dropped silently.
    for (const id of memberIds) if (!known.has(id)) list.push({ value: id, label: id });
    return list;
  }, [users, memberIds]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const onSuccess = (saved: Team) => {
      notifySuccess(team ? texts.updated(saved.name) : texts.created(saved.name));
      onDone();
    };
    if (team) updateTeam.mutate({ id: team.id, body: { name, memberIds } }, { onSuccess });
    else createTeam.mutate({ name, memberIds }, { onSuccess });
  };

  return (
    <form onSubmit={onSubmit}>
      <Stack>
        <TextInput
          label={settingsTexts.common.name}
          required
          data-autofocus
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fieldError(mutation.error, "name")}
          maxLength={200}
        />
        {usersFailed ? (
          <Alert color="yellow" variant="light">
            {texts.usersUnavailable}
          </Alert>
        ) : (
          <MultiSelect
            label={texts.members}
            placeholder={memberIds.length === 0 ? texts.membersPlaceholder : undefined}
            data={options}
            value={memberIds}
            onChange={setMemberIds}
            searchable
            clearable
            hidePickedOptions
            disabled={!users}
            error={fieldError(mutation.error, "memberIds")}
            comboboxProps={{ withinPortal: true }}
          />
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {settingsTexts.common.cancel}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {team ? settingsTexts.common.save : texts.create}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
