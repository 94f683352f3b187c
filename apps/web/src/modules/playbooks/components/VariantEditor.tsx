import {
  Accordion,
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import type { Pipeline, Playbook, PlaybookVariant, VariantStage } from "@rapport/contract";
import { useState } from "react";
import { notifyError, notifySuccess } from "../../../platform/feedback/notify";
import { playbooksTexts } from "../playbooks.texts";
import { usePutVariant } from "../queries/playbooks.queries";
import { stagesFor } from "./GlobalEditor";
import { GuidanceEditor } from "./GuidanceEditor";
import { GuidanceView } from "./GuidanceView";
import { type StepDraft, StepsEditor } from "./StepsEditor";

const texts = playbooksTexts.variants;
type StepState = "keep" | "override" | "remove";

/** One stage of a variant as the form edits it. */
type StageDraft = {
  stageId: string;
  overrideGuidance: boolean;
  guidance: string;
  mode: "inherit" | "sequential" | "parallel";
  states: Record<string, StepState>;
  overrides: Record<string, StepDraft>;
  added: StepDraft[];
  afterKeys: Record<string, string | null>;
};

function toDraft(stageId: string, globalSteps: StepDraft[], v: VariantStage | undefined): StageDraft {
  const globalKeys = new Set(globalSteps.map((s) => s.key));
  const states: Record<string, StepState> = {};
  const overrides: Record<string, StepDraft> = {};
  for (const g of globalSteps) {
    const o = v?.steps.find((s) => s.key === g.key);
    states[g.key] = v?.removeStepKeys.includes(g.key) ? "remove" : o ? "override" : "keep";
    overrides[g.key] = o ? { key: o.key, title: o.title, description: o.description, dueInDays: o.dueInDays } : { ...g };
  }
  const added = (v?.steps ?? []).filter((s) => !globalKeys.has(s.key));
  return {
    stageId,
    overrideGuidance: v?.guidance != null,
    guidance: v?.guidance ?? "",
    mode: v?.sequential == null ? "inherit" : v.sequential ? "sequential" : "parallel",
    states,
    overrides,
    added: added.map((s) => ({ key: s.key, title: s.title, description: s.description, dueInDays: s.dueInDays })),
    afterKeys: Object.fromEntries(added.map((s) => [s.key, s.afterKey])),
  };
}

function fromDraft(d: StageDraft) {
  const keys = Object.keys(d.states);
  return {
    stageId: d.stageId,
    guidance: d.overrideGuidance ? d.guidance : null,
    sequential: d.mode === "inherit" ? null : d.mode === "sequential",
    removeStepKeys: keys.filter((k) => d.states[k] === "remove"),
    steps: [
      ...keys.filter((k) => d.states[k] === "override").map((k) => ({ ...(d.overrides[k] as StepDraft), afterKey: null })),
      ...d.added.map((s) => ({ ...s, afterKey: d.afterKeys[s.key] ?? null })),
    ],
  };
}

const isEmpty = (s: ReturnType<typeof fromDraft>) =>
  s.guidance === null && s.sequential === null && s.removeStepKeys.length === 0 && s.steps.length === 0;

/** A regional variant: per stage, replace guidance or order, change or remove global steps, add local ones. */
export function VariantEditor({
  pipeline,
  playbook,
  variant,
  canEdit,
}: {
  pipeline: Pipeline;
  playbook: Playbook;
  variant: PlaybookVariant;
  canEdit: boolean;
}) {
  const global = stagesFor(pipeline, playbook);
  const [name, setName] = useState(variant.name);
  const [drafts, setDrafts] = useState(() =>
    global.map((g) =>
      toDraft(
        g.stageId,
        g.steps,
        variant.stages.find((s) => s.stageId === g.stageId),
      ),
    ),
  );
  const put = usePutVariant();
  const set = (i: number, patch: Partial<StageDraft>) => setDrafts((all) => all.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const save = () =>
    put.mutate(
      { id: playbook.id, region: variant.region, body: { name, stages: drafts.map(fromDraft).filter((s) => !isEmpty(s)) } },
      { onSuccess: () => notifySuccess(texts.saved), onError: (e) => notifyError(e) },
    );

  return (
    <Stack>
      <Group align="flex-end">
        <TextInput label={texts.name} value={name} readOnly={!canEdit} onChange={(e) => setName(e.currentTarget.value)} maw={320} />
        <Badge size="lg" variant="outline">
          {variant.region}
        </Badge>
      </Group>
      <Accordion multiple variant="separated" defaultValue={[global[0]?.stageId ?? ""]}>
        {drafts.map((d, i) => {
          const g = global[i];
          if (!g) return null;
          const stageName = pipeline.stages.find((s) => s.id === d.stageId)?.name ?? "";
          const changes = fromDraft(d);
          const afterOptions = [
            { value: "", label: texts.atEnd },
            ...g.steps.filter((s) => d.states[s.key] !== "remove").map((s) => ({ value: s.key, label: `${texts.after}: ${s.title}` })),
            ...d.added.map((s) => ({ value: s.key, label: `${texts.after}: ${s.title}` })),
          ];
          return (
            <Accordion.Item key={d.stageId} value={d.stageId}>
              <Accordion.Control>
                <Group gap="xs">
                  {stageName}
                  {!isEmpty(changes) && (
                    <Badge color="yellow" variant="light" size="sm">
                      {playbooksTexts.compare.status.changed}
                    </Badge>
                  )}
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack>
                  <Checkbox
                    label={texts.overrideGuidance}
                    checked={d.overrideGuidance}
                    disabled={!canEdit}
                    onChange={(e) => set(i, { overrideGuidance: e.currentTarget.checked, guidance: d.guidance || g.guidance })}
                  />
                  {d.overrideGuidance && canEdit ? (
                    <GuidanceEditor
                      label={playbooksTexts.stage.guidance}
                      value={d.guidance}
                      onChange={(guidance) => set(i, { guidance })}
                    />
                  ) : (
                    <GuidanceView html={d.overrideGuidance ? d.guidance : g.guidance} />
                  )}
                  <Stack gap={4}>
                    <Text size="sm" fw={500}>
                      {texts.overrideMode}
                    </Text>
                    <SegmentedControl
                      disabled={!canEdit}
                      value={d.mode}
                      onChange={(mode) => set(i, { mode: mode as StageDraft["mode"] })}
                      data={[
                        { value: "inherit", label: texts.modeInherit },
                        { value: "sequential", label: texts.modeSequential },
                        { value: "parallel", label: texts.modeParallel },
                      ]}
                    />
                  </Stack>
                  <Title order={5}>{texts.globalSteps}</Title>
                  {g.steps.length === 0 && (
                    <Text size="sm" c="dimmed">
                      {playbooksTexts.stage.noSteps}
                    </Text>
                  )}
                  {g.steps.map((s) => {
                    const o = d.overrides[s.key] as StepDraft;
                    const setO = (patch: Partial<StepDraft>) => set(i, { overrides: { ...d.overrides, [s.key]: { ...o, ...patch } } });
                    return (
                      <Paper key={s.key} withBorder p="sm">
                        <Group justify="space-between" wrap="wrap">
                          <Text size="sm" fw={500} td={d.states[s.key] === "remove" ? "line-through" : undefined}>
                            {s.title}
                          </Text>
                          <SegmentedControl
                            size="xs"
                            disabled={!canEdit}
                            aria-label={texts.stepState(s.title)}
                            value={d.states[s.key]}
                            onChange={(v) => set(i, { states: { ...d.states, [s.key]: v as StepState } })}
                            data={[
                              { value: "keep", label: texts.keep },
                              { value: "override", label: texts.override },
                              { value: "remove", label: texts.remove },
                            ]}
                          />
                        </Group>
                        {d.states[s.key] === "override" && (
                          <Stack gap={6} mt="xs">
                            <Group grow align="flex-start">
                              <TextInput
                                label={playbooksTexts.step.title}
                                value={o.title}
                                readOnly={!canEdit}
                                onChange={(e) => setO({ title: e.currentTarget.value })}
                              />
                              <NumberInput
                                label={playbooksTexts.step.dueInDays}
                                value={o.dueInDays}
                                min={0}
                                max={365}
                                maw={160}
                                readOnly={!canEdit}
                                onChange={(v) => setO({ dueInDays: typeof v === "number" ? v : 0 })}
                              />
                            </Group>
                            <Textarea
                              label={playbooksTexts.step.description}
                              value={o.description}
                              autosize
                              minRows={1}
                              readOnly={!canEdit}
                              onChange={(e) => setO({ description: e.currentTarget.value })}
                            />
                          </Stack>
                        )}
                      </Paper>
                    );
                  })}
                  <Title order={5}>{texts.addedSteps}</Title>
                  <StepsEditor
                    steps={d.added}
                    readOnly={!canEdit}
                    takenKeys={g.steps.map((s) => s.key)}
                    onChange={(added) => set(i, { added })}
                  />
                  {d.added.map((s) => (
                    <Select
                      key={s.key}
                      label={`${s.title}`}
                      data={afterOptions.filter((o) => o.value !== s.key)}
                      value={d.afterKeys[s.key] ?? ""}
                      disabled={!canEdit}
                      allowDeselect={false}
                      maw={420}
                      onChange={(v) => set(i, { afterKeys: { ...d.afterKeys, [s.key]: v || null } })}
                    />
                  ))}
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>
      {canEdit && (
        <Group>
          <Button onClick={save} loading={put.isPending}>
            {playbooksTexts.save}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
