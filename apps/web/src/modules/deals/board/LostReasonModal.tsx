import { Autocomplete, Button, Group, Modal, Stack } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { dealsTexts } from "../deals.texts";

const texts = dealsTexts.lost;

/** Asks why a deal was lost before it moves to a lost stage; cancelling leaves the deal where it was. */
export function LostReasonModal({
  dealName,
  opened,
  onConfirm,
  onCancel,
}: {
  dealName: string | null;
  opened: boolean;
  onConfirm: (reason: string | null) => void;
  onCancel: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onCancel} title={dealName ? `${texts.title} — ${dealName}` : texts.title} centered>
      {opened && <LostReasonForm onConfirm={onConfirm} onCancel={onCancel} />}
    </Modal>
  );
}

function LostReasonForm({ onConfirm, onCancel }: { onConfirm: (reason: string | null) => void; onCancel: () => void }) {
  const [reason, setReason] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onConfirm(reason.trim() || null);
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Autocomplete
          label={texts.reason}
          description={texts.reasonHint}
          data={texts.suggestions}
          value={reason}
          onChange={setReason}
          maxLength={500}
          data-autofocus
          comboboxProps={{ withinPortal: false }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {dealsTexts.common.cancel}
          </Button>
          <Button type="submit" color="red">
            {texts.confirm}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
