import { Button, Group, Kbd, Paper, SimpleGrid, Stack, Text, UnstyledButton } from "@mantine/core";
import type { Duplicate } from "@rapport/contract";
import { IconCopy, IconHistory } from "@tabler/icons-react";
import { useEffect, useMemo, useState } from "react";
import { Link, useNavigate } from "react-router";
import { usePermissions } from "../../../platform/auth/use-permissions";
import { EmptyState } from "../../../platform/feedback/EmptyState";
import { ErrorState } from "../../../platform/feedback/ErrorState";
import { notifySuccess } from "../../../platform/feedback/notify";
import { TableSkeleton } from "../../../platform/feedback/TableSkeleton";
import { formatNumber } from "../../../platform/format/number";
import { PageHeader } from "../../../platform/shell/PageHeader";
import { PersonCard } from "../components/PersonCard";
import { ReasonBadges } from "../components/ReasonBadges";
import { ScanButton } from "../components/ScanButton";
import { ScoreBadge } from "../components/ScoreBadge";
import { identityTexts } from "../identity.texts";
import { mergePath } from "../merge-path";
import { useDuplicateQueue, useMarkDistinct } from "../queries/identity.queries";

const texts = identityTexts.queue;

/** Typing in a field never triggers a shortcut. */
const typing = (e: KeyboardEvent) =>
  e.target instanceof HTMLElement && e.target.closest("input, textarea, select, [contenteditable]") !== null;

/** The review queue: one pair at a time, side by side, with Merge / Not a duplicate / Skip. */
export function DuplicatesPage() {
  const queue = useDuplicateQueue();
  const distinct = useMarkDistinct();
  const navigate = useNavigate();
  const { can } = usePermissions();
  const canDecide = can("records.write");
  const [skipped, setSkipped] = useState<string[]>([]);
  const [index, setIndex] = useState(0);
  const items = useMemo(
    () => (queue.data?.pages.flatMap((p) => p.items) ?? []).filter((d) => !skipped.includes(d.id)),
    [queue.data, skipped],
  );
  const current: Duplicate | undefined = items[Math.min(index, items.length - 1)];

  const merge = (d: Duplicate) => {
    const mergedId = d.suggestedSurvivorId === d.a.id ? d.b.id : d.a.id;
    navigate(mergePath(d.suggestedSurvivorId, mergedId, d.id));
  };
  const markDistinct = (d: Duplicate) => distinct.mutate(d.id, { onSuccess: () => notifySuccess(texts.markedDistinct) });
  const skip = (d: Duplicate) => setSkipped((s) => [...s, d.id]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!current || typing(e) || e.ctrlKey || e.metaKey || e.altKey) return;
      const key = e.key.toLowerCase();
      if (key === "m" && canDecide) merge(current);
      else if (key === "n" && canDecide && !distinct.isPending) markDistinct(current);
      else if (key === "s") skip(current);
      else if (key === "j") setIndex((i) => Math.min(i + 1, items.length - 1));
      else if (key === "k") setIndex((i) => Math.max(i - 1, 0));
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  return (
    <>
      <PageHeader
        title={texts.title}
        description={texts.description}
        actions={
          <>
            <ScanButton />
            <Button component={Link} to="/duplicates/history" variant="default" leftSection={<IconHistory size={16} aria-hidden />}>
              {texts.history}
            </Button>
          </>
        }
      />
      {queue.isPending ? (
        <TableSkeleton rows={4} />
      ) : queue.isError ? (
        <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />
      ) : !current ? (
        <EmptyState icon={<IconCopy size={24} />} title={texts.emptyTitle} description={texts.emptyDescription} />
      ) : (
        <Stack>
          <Paper withBorder radius="md" p="md" aria-label={texts.pairLabel(current.a.name, current.b.name)} component="section">
            <Stack>
              <Group justify="space-between">
                <Group gap="sm">
                  <Text fw={600}>{texts.position(formatNumber(items.indexOf(current) + 1), formatNumber(items.length))}</Text>
                  <ScoreBadge score={current.score} />
                  <ReasonBadges reasons={current.reasons} />
                </Group>
                <Group gap="xs">
                  {canDecide && (
                    <>
                      <Button onClick={() => merge(current)} rightSection={<Kbd size="xs">M</Kbd>}>
                        {texts.merge}
                      </Button>
                      <Button
                        variant="default"
                        loading={distinct.isPending}
                        onClick={() => markDistinct(current)}
                        rightSection={<Kbd size="xs">N</Kbd>}
                      >
                        {texts.distinct}
                      </Button>
                    </>
                  )}
                  <Button variant="subtle" onClick={() => skip(current)} rightSection={<Kbd size="xs">S</Kbd>}>
                    {texts.skip}
                  </Button>
                </Group>
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <PersonCard person={current.a} label={texts.personA} suggested={current.suggestedSurvivorId === current.a.id} />
                <PersonCard person={current.b} label={texts.personB} suggested={current.suggestedSurvivorId === current.b.id} />
              </SimpleGrid>
              <Text size="xs" c="dimmed">
                {texts.shortcuts}
              </Text>
            </Stack>
          </Paper>
          <Paper withBorder radius="md" p="xs" component="nav" aria-label={texts.listLabel}>
            <Stack gap={2}>
              {items.map((d, i) => (
                <UnstyledButton
                  key={d.id}
                  onClick={() => setIndex(i)}
                  aria-current={d.id === current.id ? "true" : undefined}
                  p="xs"
                  style={{ borderRadius: 6, background: d.id === current.id ? "var(--mantine-color-default-hover)" : undefined }}
                >
                  <Group justify="space-between" wrap="nowrap">
                    <Text size="sm" truncate>
                      {texts.pairLabel(d.a.name, d.b.name)}
                    </Text>
                    <Group gap={6} wrap="nowrap">
                      <ReasonBadges reasons={d.reasons.slice(0, 2)} />
                      <ScoreBadge score={d.score} />
                    </Group>
                  </Group>
                </UnstyledButton>
              ))}
            </Stack>
            {queue.hasNextPage && (
              <Button variant="subtle" fullWidth mt="xs" loading={queue.isFetchingNextPage} onClick={() => void queue.fetchNextPage()}>
                {texts.more}
              </Button>
            )}
          </Paper>
        </Stack>
      )}
    </>
  );
}
