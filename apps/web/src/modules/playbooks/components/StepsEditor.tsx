import { ActionIcon, Button, Group, NumberInput, Paper, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from "@tabler/icons-react";
import { playbooksTexts } from "../playbooks.texts";
import { newStepKey } from "./step-keys";

const texts = playbooksTexts;
export type StepDraft = { key: string; title: string; description: string; dueInDays: number };

type Props = { steps: StepDraft[]; onChange: (steps: StepDraft[]) => void; readOnly?: boolean; takenKeys?: string[] };

/** The steps of a stage: title, description and due offset, reordered with the arrow buttons. */
export function StepsEditor({ steps, onChange, readOnly, takenKeys = [] }: Props) {
  const set = (i: number, patch: Partial<StepDraft>) => onChange(steps.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const move = (i: number, by: number) => {
    const next = [...steps];
    const [s] = next.splice(i, 1);
    if (s) next.splice(i + by, 0, s);
    onChange(next);
  };
  return (
    <Stack gap="xs">
      {steps.length === 0 && (
        <Text size="sm" c="dimmed">
          {texts.stage.noSteps}
        </Text>
      )}
      {steps.map((s, i) => (
        <Paper key={s.key} withBorder p="sm">
          <Group align="flex-start" wrap="nowrap" gap="xs">
            <Text fw={600} size="sm" w={20} pt={28} aria-hidden>
              {i + 1}.
            </Text>
            <Stack gap={6} style={{ flex: 1 }}>
              <Group grow align="flex-start">
                <TextInput
                  label={texts.step.title}
                  value={s.title}
                  readOnly={readOnly}
                  required
                  maxLength={200}
                  onChange={(e) => set(i, { title: e.currentTarget.value })}
                />
                <NumberInput
                  label={texts.step.dueInDays}
                  value={s.dueInDays}
                  readOnly={readOnly}
                  min={0}
                  max={365}
                  allowDecimal={false}
                  maw={160}
                  onChange={(v) => set(i, { dueInDays: typeof v === "number" ? v : 0 })}
                />
              </Group>
              <Textarea
                label={texts.step.description}
                value={s.description}
                readOnly={readOnly}
                autosize
                minRows={1}
                maxLength={2000}
                onChange={(e) => set(i, { description: e.currentTarget.value })}
              />
            </Stack>
            {!readOnly && (
              <Stack gap={4} pt={24}>
                <ActionIcon variant="subtle" aria-label={texts.step.moveUp(s.title)} disabled={i === 0} onClick={() => move(i, -1)}>
                  <IconArrowUp size={16} />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  aria-label={texts.step.moveDown(s.title)}
                  disabled={i === steps.length - 1}
                  onClick={() => move(i, 1)}
                >
                  <IconArrowDown size={16} />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={texts.step.remove(s.title)}
                  onClick={() => onChange(steps.filter((_, j) => j !== i))}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Stack>
            )}
          </Group>
        </Paper>
      ))}
      {!readOnly && (
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() =>
              onChange([
                ...steps,
                {
                  key: newStepKey(texts.step.newTitle, [...takenKeys, ...steps.map((x) => x.key)]),
                  title: texts.step.newTitle,
                  description: "",
                  dueInDays: 1,
                },
              ])
            }
          >
            {texts.stage.addStep}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
