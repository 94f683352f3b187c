import { Button, Paper, PasswordInput, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useLocation } from "react-router";
import { isApiError } from "../../../platform/api/api-error";
import { fieldError } from "../../../platform/api/field-errors";
import { iamTexts } from "../../../platform/auth/iam.texts";
import { useMe } from "../../../platform/auth/use-me";
import { notifyError, notifySuccess } from "../../../platform/feedback/notify";
import { formatDate } from "../../../platform/format/date";
import { useVisibleModules } from "../../../platform/modules/use-visible-modules";
import { PageHeader } from "../../../platform/shell/PageHeader";
import { useChangePassword } from "../queries/account.queries";
import { settingsTexts } from "../settings.texts";

const texts = settingsTexts.account;

export function AccountPage() {
  const me = useMe();
  const extra = useVisibleModules()
    .flatMap((m) => m.accountSections ?? [])
    .sort((a, b) => a.order - b.order);
  return (
    <>
      <PageHeader title={settingsTexts.sections.account} description={texts.description} context={settingsTexts.module} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Paper withBorder radius="md" p="lg">
          <Title order={3} size="h4" mb="sm">
            {texts.profile}
          </Title>
          <Table variant="vertical" layout="fixed" withRowBorders={false} verticalSpacing={6}>
            <Table.Tbody>
              <Row label={settingsTexts.common.name} value={me.user.name} />
              <Row label={texts.email} value={me.user.email} />
              <Row label={texts.role} value={iamTexts.roles[me.user.role]} />
              <Row label={texts.visibility} value={iamTexts.recordVisibility[me.recordVisibility] ?? me.recordVisibility} />
              <Row label={texts.memberSince} value={formatDate(me.user.createdAt)} />
            </Table.Tbody>
          </Table>
        </Paper>
        <ChangePasswordForm />
        {extra.map(({ id, component: Section }) => (
          <Section key={id} />
        ))}
      </SimpleGrid>
    </>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <Table.Tr>
      <Table.Th w={130} c="dimmed" fw={400}>
        {label}
      </Table.Th>
      <Table.Td style={{ overflowWrap: "anywhere" }}>{value}</Table.Td>
    </Table.Tr>
  );
}

/** Codes a server may use for a wrong current password; shown next to that field. */
const WRONG_CURRENT = new Set(["invalid_credentials", "invalid_password", "wrong_password", "invalid_current_password"]);

function ChangePasswordForm() {
  const changePassword = useChangePassword();
  const { hash } = useLocation();
  const currentRef = useRef<HTMLInputElement>(null);
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const error = changePassword.error;

  // Arriving from "Change password" in the user menu: bring the form into view and focus it.
  useEffect(() => {
    if (hash !== "#password") return;
    currentRef.current?.scrollIntoView({ block: "center" });
    currentRef.current?.focus();
  }, [hash]);

  const wrongCurrent = isApiError(error) && WRONG_CURRENT.has(error.code) ? texts.wrongCurrent : undefined;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (newPassword !== confirm) {
      setMismatch(true);
      return;
    }
    changePassword.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          notifySuccess(texts.changed);
          setCurrentPassword("");
          setNewPassword("");
          setConfirm("");
          changePassword.reset();
        },
        onError: (e) => {
          if (isApiError(e) && (e.hasFieldErrors || WRONG_CURRENT.has(e.code))) return;
          notifyError(e);
        },
      },
    );
  };

  return (
    <Paper withBorder radius="md" p="lg" id="password" component="section" aria-labelledby="password-heading">
      <Title order={3} size="h4" id="password-heading">
        {texts.passwordHeading}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {texts.passwordHelp}
      </Text>
      <form onSubmit={onSubmit}>
        <Stack>
          <PasswordInput
            ref={currentRef}
            label={texts.currentPassword}
            autoComplete="current-password"
            required
            value={currentPassword}
            onChange={(e) => setCurrentPassword(e.currentTarget.value)}
            error={fieldError(error, "currentPassword") ?? wrongCurrent}
          />
          <PasswordInput
            label={texts.newPassword}
            description={texts.newPasswordDescription}
            autoComplete="new-password"
            required
            minLength={10}
            value={newPassword}
            onChange={(e) => {
              setNewPassword(e.currentTarget.value);
              setMismatch(false);
            }}
            error={fieldError(error, "newPassword")}
          />
          <PasswordInput
            label={texts.confirmPassword}
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(e) => {
              setConfirm(e.currentTarget.value);
              setMismatch(false);
            }}
            error={mismatch ? texts.mismatch : undefined}
          />
          <Button type="submit" loading={changePassword.isPending} style={{ alignSelf: "flex-start" }}>
            {texts.submit}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
