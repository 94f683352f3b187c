import { Alert, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useDocumentTitle, useInterval } from "@mantine/hooks";
import { IconAlertCircle } from "@tabler/icons-react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Navigate, useLocation, useNavigate } from "react-router";
import { isApiError } from "../api/api-error";
import { fieldError } from "../api/field-errors";
import { BrandMark } from "../shell/BrandMark";
import { ColorSchemeToggle } from "../theme/ColorSchemeToggle";
import { authTexts } from "./auth.texts";
import { safeRedirectPath } from "./safe-redirect";
import { useAuth } from "./use-auth";
import { useSignIn } from "./use-sign-in";

export function SignInPage() {
  useDocumentTitle(`${authTexts.pageTitle} · Rapport`);
  const { me } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const signIn = useSignIn();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [workspace, setWorkspace] = useState("");
  const [needsWorkspace, setNeedsWorkspace] = useState(false);
  const [lockedUntil, setLockedUntil] = useState<number | null>(null);
  const [now, setNow] = useState(Date.now());
  const workspaceRef = useRef<HTMLInputElement>(null);
  const target = safeRedirectPath((location.state as { from?: unknown } | null)?.from);

  const ticker = useInterval(() => setNow(Date.now()), 1000);
  useEffect(() => {
    if (lockedUntil && lockedUntil > Date.now()) ticker.start();
    else ticker.stop();
    return ticker.stop;
  }, [lockedUntil, ticker]);

  const error = signIn.error;
  useEffect(() => {
    if (!isApiError(error)) return;
    if (error.code === "workspace_required") {
      setNeedsWorkspace(true);
      workspaceRef.current?.focus();
    }
    if (error.status === 429) setLockedUntil(Date.now() + (error.retryAfterSeconds ?? 30) * 1000);
  }, [error]);

  if (me) return <Navigate to={target} replace />;

  const secondsLeft = lockedUntil ? Math.max(0, Math.ceil((lockedUntil - now) / 1000)) : 0;
  const locked = secondsLeft > 0;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate(
      { email, password, workspace: needsWorkspace && workspace.trim() ? workspace.trim() : undefined },
      { onSuccess: () => void navigate(target, { replace: true }) },
    );
  };

  return (
    <Box mih="100vh" p="md" bg="var(--mantine-color-body)">
      <Group justify="flex-end">
        <ColorSchemeToggle />
      </Group>
      <Center mih="calc(100vh - 120px)">
        <Paper component="main" withBorder shadow="sm" radius="md" p="xl" w="100%" maw={420}>
          <Stack gap="lg">
            <Stack gap={4}>
              <BrandMark />
              <Title order={2} mt="md">
                {authTexts.pageTitle}
              </Title>
              <Text size="sm" c="dimmed">
                {authTexts.subtitle}
              </Text>
            </Stack>
            {error && <SignInError error={error} secondsLeft={secondsLeft} />}
            <form onSubmit={onSubmit} noValidate={false}>
              <Stack>
                <TextInput
                  label={authTexts.email}
                  type="email"
                  autoComplete="username"
                  required
                  autoFocus
                  value={email}
                  onChange={(e) => setEmail(e.currentTarget.value)}
                  error={fieldError(error, "email")}
                />
                <PasswordInput
                  label={authTexts.password}
                  autoComplete="current-password"
                  required
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  error={fieldError(error, "password")}
                />
                {needsWorkspace && (
                  <TextInput
                    ref={workspaceRef}
                    label={authTexts.workspace}
                    description={authTexts.workspaceDescription}
                    placeholder={authTexts.workspacePlaceholder}
                    autoComplete="organization"
                    required
                    value={workspace}
                    onChange={(e) => setWorkspace(e.currentTarget.value)}
                    error={fieldError(error, "workspace")}
                  />
                )}
                <Button type="submit" fullWidth loading={signIn.isPending} disabled={locked}>
                  {authTexts.submit}
                </Button>
              </Stack>
            </form>
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}

function SignInError({ error, secondsLeft }: { error: Error; secondsLeft: number }) {
  if (isApiError(error) && error.hasFieldErrors) return null;
  let message = error.message;
  if (isApiError(error)) {
    if (error.code === "invalid_credentials" || error.status === 401) message = authTexts.invalidCredentials;
    else if (error.code === "workspace_required") message = authTexts.workspaceRequired;
    else if (error.status === 429) message = authTexts.tooManyAttempts(secondsLeft);
  }
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title={authTexts.failed} role="alert">
      {message}
    </Alert>
  );
}
