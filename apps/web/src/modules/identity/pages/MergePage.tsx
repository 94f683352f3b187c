import { Alert, Button, Group, List, Paper, Radio, Stack, Table, Text } from "@mantine/core";
import type { MergePreview } from "@rapport/contract";
import { IconArrowsExchange, IconInfoCircle } from "@tabler/icons-react";
import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { ErrorState } from "../../../platform/feedback/ErrorState";
import { notifySuccess } from "../../../platform/feedback/notify";
import { PageLoader } from "../../../platform/feedback/PageLoader";
import { formatNumber } from "../../../platform/format/number";
import { PageHeader } from "../../../platform/shell/PageHeader";
import { useUserDirectory } from "../../records/queries/users.queries";
import { recordPath } from "../../records/record-types";
import { recordsTexts } from "../../records/records.texts";
import { identityTexts } from "../identity.texts";
import { mergePath } from "../merge-path";
import { describeValue } from "../merge-values";
import { useMerge, useMergePreview } from "../queries/identity.queries";

const texts = identityTexts.merge;
type Side = "survivor" | "merged";

/** The merge screen: both records side by side, one choice per differing field. */
export function MergePage() {
  const [params] = useSearchParams();
  const survivorId = params.get("survivor") ?? "";
  const mergedId = params.get("merged") ?? "";
  const preview = useMergePreview(survivorId, mergedId);
  return (
    <>
      <PageHeader title={texts.title} description={texts.description} context={identityTexts.navLabel} />
      {preview.isPending ? (
        <PageLoader />
      ) : preview.isError ? (
        <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />
      ) : (
        <MergeForm key={`${survivorId}|${mergedId}`} preview={preview.data} pairId={params.get("pair") ?? undefined} />
      )}
    </>
  );
}

function MergeForm({ preview, pairId }: { preview: MergePreview; pairId: string | undefined }) {
  const [choices, setChoices] = useState<Record<string, Side>>(() => Object.fromEntries(preview.fields.map((f) => [f.field, f.default])));
  const merge = useMerge();
  const navigate = useNavigate();
  const { nameOf } = useUserDirectory();
  const names = { user: (id: string) => nameOf(id), stage: (s: string) => recordsTexts.lifecycleStages[s] ?? s };
  const { survivor, merged } = preview;
  const moves = Object.entries(preview.moves).filter(([, n]) => n > 0);

  const submit = () =>
    merge.mutate(
      { survivorId: survivor.id, mergedId: merged.id, fields: choices },
      {
        onSuccess: (m) => {
          notifySuccess(`${texts.done(m.survivorName)}. ${texts.undoHint}`);
          navigate(pairId ? "/duplicates" : recordPath("contact", survivor.id));
        },
      },
    );

  return (
    <Stack maw={960}>
      <Group justify="space-between">
        <Text>
          {texts.survivor}: <b>{survivor.name}</b> · {texts.merged}: <b>{merged.name}</b>
        </Text>
        <Button
          variant="default"
          leftSection={<IconArrowsExchange size={16} aria-hidden />}
          onClick={() => navigate(mergePath(merged.id, survivor.id, pairId), { replace: true })}
        >
          {texts.swap}
        </Button>
      </Group>
      <Paper withBorder radius="md" p="md">
        {preview.fields.length === 0 ? (
          <Text c="dimmed">{texts.same}</Text>
        ) : (
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={160}>{texts.field}</Table.Th>
                <Table.Th>
                  {texts.survivor} — {survivor.name}
                </Table.Th>
                <Table.Th>
                  {texts.merged} — {merged.name}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.fields.map((f) => (
                <Table.Tr key={f.field}>
                  <Table.Td fw={500}>{f.label}</Table.Td>
                  {(["survivor", "merged"] as const).map((side) => {
                    const shown = describeValue(f.field, f[side], names) || identityTexts.queue.noValue;
                    return (
                      <Table.Td key={side}>
                        <Radio
                          name={`keep-${f.field}`}
                          value={side}
                          checked={choices[f.field] === side}
                          onChange={() => setChoices((c) => ({ ...c, [f.field]: side }))}
                          label={shown}
                          aria-label={`${f.label}: ${shown} (${side === "survivor" ? texts.survivor : texts.merged})`}
                        />
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Text size="xs" c="dimmed" mt="sm">
          {texts.defaultHint}
        </Text>
      </Paper>
      {moves.length > 0 && (
        <Alert variant="light" icon={<IconInfoCircle aria-hidden />} title={texts.moves}>
          <List size="sm">
            {moves.map(([name, n]) => (
              <List.Item key={name}>
                {texts.moveNames[name] ?? name}: {formatNumber(n)}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Group>
        <Button onClick={submit} loading={merge.isPending}>
          {texts.confirm}
        </Button>
        <Button variant="default" component={Link} to="/duplicates">
          {texts.cancel}
        </Button>
      </Group>
    </Stack>
  );
}
