import { Accordion, Badge, Button, Group, Stack, Switch, TextInput } from "@mantine/core";
import type { Pipeline, Playbook, PlaybookStage } from "@rapport/contract";
import { useState } from "react";
import { notifyError, notifySuccess } from "../../../platform/feedback/notify";
import { playbooksTexts } from "../playbooks.texts";
import { useUpdatePlaybook } from "../queries/playbooks.queries";
import { GuidanceEditor } from "./GuidanceEditor";
import { GuidanceView } from "./GuidanceView";
import { StepsEditor } from "./StepsEditor";

const texts = playbooksTexts;

/** Every stage of the pipeline, with the playbook's part for it (empty when it has none). */
export function stagesFor(pipeline: Pipeline, playbook: Playbook): PlaybookStage[] {
  return pipeline.stages.map(
    (s) => playbook.stages.find((x) => x.stageId === s.id) ?? { stageId: s.id, guidance: "", sequential: true, steps: [] },
  );
}

/** The global playbook: per stage guidance, order mode and steps; saved together. */
export function GlobalEditor({ pipeline, playbook, canEdit }: { pipeline: Pipeline; playbook: Playbook; canEdit: boolean }) {
  const [name, setName] = useState(playbook.name);
  const [stages, setStages] = useState(() => stagesFor(pipeline, playbook));
  const update = useUpdatePlaybook();
  const set = (i: number, patch: Partial<PlaybookStage>) => setStages((all) => all.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const save = () =>
    update.mutate(
      { id: playbook.id, body: { name, stages: stages.filter((s) => s.guidance || s.steps.length > 0) } },
      { onSuccess: () => notifySuccess(texts.saved), onError: (e) => notifyError(e) },
    );
  return (
    <Stack>
      <TextInput label={texts.name} value={name} readOnly={!canEdit} onChange={(e) => setName(e.currentTarget.value)} maw={420} />
      <Accordion multiple defaultValue={[stages[0]?.stageId ?? ""]} variant="separated">
        {stages.map((stage, i) => {
          const stageName = pipeline.stages.find((s) => s.id === stage.stageId)?.name ?? "";
          return (
            <Accordion.Item key={stage.stageId} value={stage.stageId}>
              <Accordion.Control>
                <Group gap="xs">
                  {stageName}
                  <Badge variant="light" size="sm">
                    {stage.steps.length} {texts.stage.steps.toLowerCase()}
                  </Badge>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack>
                  {canEdit ? (
                    <GuidanceEditor
                      label={texts.stage.guidance}
                      description={texts.stage.guidanceHint}
                      value={stage.guidance}
                      onChange={(guidance) => set(i, { guidance })}
                    />
                  ) : (
                    <GuidanceView html={stage.guidance} />
                  )}
                  <Switch
                    label={texts.stage.sequential}
                    checked={stage.sequential}
                    disabled={!canEdit}
                    onChange={(e) => set(i, { sequential: e.currentTarget.checked })}
                  />
                  <StepsEditor steps={stage.steps} readOnly={!canEdit} onChange={(steps) => set(i, { steps })} />
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>
      {canEdit && (
        <Group>
          <Button onClick={save} loading={update.isPending}>
            {texts.save}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
