import { ActionIcon, Alert, Button, Code, CopyButton, Group, Modal, Stack, Text, TextInput, Tooltip } from "@mantine/core";
import type { Role } from "@rapport/contract";
import { IconAlertTriangle, IconCheck, IconCopy } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { fieldError } from "../../../platform/api/field-errors";
import { useCreateApiKey } from "../queries/api-keys.queries";
import { settingsTexts } from "../settings.texts";
import { RoleSelect } from "./RoleSelect";

const texts = settingsTexts.apiKeys;

/**
 * Two steps in one dialog: the form, then the secret — shown this once, with a copy button.
 * While the secret is on screen the dialog closes only through its button.
 */
export function CreateApiKeyModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [secret, setSecret] = useState<string | null>(null);
  const close = () => {
    setSecret(null);
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={secret ? texts.secretTitle : texts.createTitle}
      centered
      closeOnClickOutside={!secret}
      closeOnEscape={!secret}
      withCloseButton={!secret}
      size="lg"
    >
      {opened && (secret ? <SecretStep secret={secret} onDone={close} /> : <FormStep onCreated={setSecret} onCancel={close} />)}
    </Modal>
  );
}

function FormStep({ onCreated, onCancel }: { onCreated: (secret: string) => void; onCancel: () => void }) {
  const createKey = useCreateApiKey();
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("member");
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    createKey.mutate({ name, role }, { onSuccess: (created) => onCreated(created.secret) });
  };
  return (
    <form onSubmit={onSubmit}>
      <Stack>
        <TextInput
          label={settingsTexts.common.name}
          description={texts.nameDescription}
          required
          data-autofocus
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fieldError(createKey.error, "name")}
          maxLength={200}
        />
        <RoleSelect
          value={role}
          onChange={setRole}
          description={texts.roleDescription}
          required
          error={fieldError(createKey.error, "role")}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>
            {settingsTexts.common.cancel}
          </Button>
          <Button type="submit" loading={createKey.isPending}>
            {texts.createSubmit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SecretStep({ secret, onDone }: { secret: string; onDone: () => void }) {
  return (
    <Stack>
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
        {texts.secretWarning}
      </Alert>
      <div>
        <Text size="sm" fw={500} mb={4} id="api-key-secret-label">
          {texts.secretLabel}
        </Text>
        <Group gap="xs" wrap="nowrap" align="center">
          <Code
            block
            aria-labelledby="api-key-secret-label"
            style={{ flex: 1, wordBreak: "break-all", whiteSpace: "pre-wrap", userSelect: "all" }}
          >
            {secret}
          </Code>
          <CopyButton value={secret} timeout={2000}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? texts.copied : texts.copy} withArrow position="left">
                <ActionIcon
                  color={copied ? "teal" : "gray"}
                  variant="default"
                  size="lg"
                  onClick={copy}
                  aria-label={copied ? texts.copied : texts.copy}
                >
                  {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
      </div>
      <Text size="sm" c="dimmed">
        {texts.usage}
      </Text>
      <Group justify="flex-end">
        <Button onClick={onDone} data-autofocus>
          {texts.done}
        </Button>
      </Group>
    </Stack>
  );
}
