import { Alert, Badge, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import type { Pipeline, Playbook, StepDiff } from "@rapport/contract";
import { useState } from "react";
import { ErrorState } from "../../../platform/feedback/ErrorState";
import { TableSkeleton } from "../../../platform/feedback/TableSkeleton";
import { playbooksTexts } from "../playbooks.texts";
import { useComparison } from "../queries/playbooks.queries";
import { GuidanceView } from "./GuidanceView";

const texts = playbooksTexts.compare;
const COLOURS: Record<StepDiff["status"], string> = { added: "green", removed: "red", changed: "yellow", same: "gray" };
const due = playbooksTexts.dueDays;

function StepCell({ step }: { step: StepDiff["a"] }) {
  if (!step) return <Text c="dimmed">—</Text>;
  return (
    <Stack gap={0}>
      <Text size="sm" fw={500}>
        {step.title}
      </Text>
      {step.description && (
        <Text size="xs" c="dimmed">
          {step.description}
        </Text>
      )}
      <Text size="xs">{due(step.dueInDays)}</Text>
    </Stack>
  );
}

/** Two versions side by side, stage by stage: added green, removed red, changed amber — each with a text label too. */
export function CompareView({ pipeline, playbook }: { pipeline: Pipeline; playbook: Playbook }) {
  const options = [
    { value: "global", label: texts.global },
    ...playbook.variants.map((v) => ({ value: v.region, label: playbooksTexts.variantLabel(v) })),
  ];
  const [a, setA] = useState("global");
  const [b, setB] = useState(playbook.variants[0]?.region ?? "global");
  const cmp = useComparison(playbook.id, a, b);
  const labelOf = (v: string) => options.find((o) => o.value === v)?.label ?? v;
  return (
    <Stack>
      <Group>
        <Select label={texts.a} data={options} value={a} onChange={(v) => v && setA(v)} allowDeselect={false} />
        <Select label={texts.b} data={options} value={b} onChange={(v) => v && setB(v)} allowDeselect={false} />
      </Group>
      {cmp.isPending ? (
        <TableSkeleton rows={4} />
      ) : cmp.isError ? (
        <ErrorState error={cmp.error} onRetry={() => void cmp.refetch()} />
      ) : (
        cmp.data.stages.map((stage) => (
          <Paper key={stage.stageId} withBorder p="md">
            <Group justify="space-between" mb="xs">
              <Title order={4}>{pipeline.stages.find((s) => s.id === stage.stageId)?.name}</Title>
              {stage.sequentialA !== stage.sequentialB && (
                <Badge color="yellow" variant="light">
                  {texts.modeChanged(stage.sequentialA, stage.sequentialB)}
                </Badge>
              )}
            </Group>
            {!stage.changed && (
              <Text size="sm" c="dimmed">
                {texts.noDifferences}
              </Text>
            )}
            {stage.guidanceChanged && (
              <Alert color="yellow" variant="light" title={texts.guidanceChanged} mb="sm">
                <SimpleGrid cols={{ base: 1, md: 2 }}>
                  <div>
                    <Text size="xs" fw={600}>
                      {labelOf(a)}
                    </Text>
                    <GuidanceView html={stage.guidanceA} />
                  </div>
                  <div>
                    <Text size="xs" fw={600}>
                      {labelOf(b)}
                    </Text>
                    <GuidanceView html={stage.guidanceB} />
                  </div>
                </SimpleGrid>
              </Alert>
            )}
            {stage.steps.length > 0 && (
              <Table layout="fixed" verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={120}>{playbooksTexts.stage.steps}</Table.Th>
                    <Table.Th>{labelOf(a)}</Table.Th>
                    <Table.Th>{labelOf(b)}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {stage.steps.map((s) => (
                    <Table.Tr
                      key={s.key}
                      bg={s.status === "same" ? undefined : `var(--mantine-color-${COLOURS[s.status]}-light)`}
                      data-status={s.status}
                    >
                      <Table.Td>
                        <Badge color={COLOURS[s.status]} variant={s.status === "same" ? "outline" : "filled"}>
                          {texts.status[s.status]}
                        </Badge>
                        {s.changedFields.length > 0 && (
                          <Text size="xs" mt={4}>
                            {texts.changedFields(s.changedFields.map((f) => texts.fields[f] ?? f))}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <StepCell step={s.a} />
                      </Table.Td>
                      <Table.Td>
                        <StepCell step={s.b} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
        ))
      )}
    </Stack>
  );
}
