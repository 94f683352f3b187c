import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import type { Pipeline, Stage, StageKind } from "@rapport/contract";
import { IconArchive, IconArrowDown, IconArrowUp, IconPlus, IconRestore, IconTimelineEvent, IconTrash } from "@tabler/icons-react";
import { type FormEvent, type ReactNode, useState } from "react";
import { fieldError } from "../../../platform/api/field-errors";
import { usePermissions } from "../../../platform/auth/use-permissions";
import { ConfirmDialog } from "../../../platform/feedback/ConfirmDialog";
import { EmptyState } from "../../../platform/feedback/EmptyState";
import { ErrorState } from "../../../platform/feedback/ErrorState";
import { notifySuccess } from "../../../platform/feedback/notify";
import { TableSkeleton } from "../../../platform/feedback/TableSkeleton";
import { PageHeader } from "../../../platform/shell/PageHeader";
import { useCreateParam } from "../../../platform/shell/use-create-param";
import { InlineText } from "../../records/record360/InlineEdit";
import { settingsTexts } from "../../settings/settings.texts";
import { PipelineSelect } from "../components/PipelineSelect";
import { dealsTexts } from "../deals.texts";
import {
  useArchivePipeline,
  useCreatePipeline,
  useCreateStage,
  usePipelines,
  useRemoveStage,
  useReorderStages,
  useUpdatePipeline,
  useUpdateStage,
} from "../queries/pipelines.queries";

const texts = dealsTexts.pipelines;
const kindOptions = (["open", "won", "lost"] as const).map((k) => ({ value: k, label: texts.kinds[k] ?? k }));

/** Settings › Pipelines: create pipelines, and add, rename, reorder and tune their stages. */
export function PipelinesPage() {
  const { can } = usePermissions();
  const canManage = can("sales.manage");
  const [showArchived, setShowArchived] = useState(false);
  const pipelines = usePipelines(showArchived ? "all" : "false");
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, createModal] = useCreateParam(canManage);
  const list = pipelines.data ?? [];
  const pipeline = list.find((p) => p.id === selected) ?? list[0];
  const create = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={createModal.open}>
      {texts.newPipeline}
    </Button>
  );

  return (
    <>
      <PageHeader title={texts.title} description={texts.description} context={settingsTexts.module} actions={canManage && create} />
      {pipelines.isPending ? (
        <TableSkeleton rows={5} />
      ) : pipelines.isError ? (
        <ErrorState error={pipelines.error} onRetry={() => void pipelines.refetch()} />
      ) : !pipeline ? (
        <EmptyState icon={<IconTimelineEvent />} title={texts.title} description={texts.empty} action={canManage && create} />
      ) : (
        <Stack gap="md">
          <Group align="flex-end" gap="sm">
            <PipelineSelect label={texts.pipeline} pipelines={list} value={pipeline.id} onChange={setSelected} w={260} />
            <Switch label={texts.showArchived} checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} mb={8} />
          </Group>
          <PipelineEditor key={pipeline.id} pipeline={pipeline} canManage={canManage} />
        </Stack>
      )}
      <CreatePipelineModal
        opened={creating}
        onClose={createModal.close}
        onCreated={(p) => {
          setSelected(p.id);
          createModal.close();
        }}
      />
    </>
  );
}

function PipelineEditor({ pipeline, canManage }: { pipeline: Pipeline; canManage: boolean }) {
  const update = useUpdatePipeline(pipeline.id);
  const archive = useArchivePipeline(pipeline.id);
  const reorder = useReorderStages(pipeline.id);
  const remove = useRemoveStage(pipeline.id);
  const [removing, setRemoving] = useState<Stage | null>(null);
  const stages = pipeline.stages;
  const moveStage = (index: number, by: -1 | 1) => {
    const ids = stages.map((s) => s.id);
    const [id] = ids.splice(index, 1);
    if (!id) return;
    ids.splice(index + by, 0, id);
    reorder.mutate(ids);
  };
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <Title order={3} size="h4">
            <InlineText
              label={texts.name}
              value={pipeline.name}
              canEdit={canManage}
              errorField="name"
              size="lg"
              onSave={(v) => update.mutateAsync({ name: v ?? pipeline.name })}
            />
          </Title>
          {pipeline.archived && <Badge color="gray">{texts.archived}</Badge>}
        </Group>
        {canManage && (
          <Button
            variant="default"
            size="xs"
            leftSection={pipeline.archived ? <IconRestore size={14} aria-hidden /> : <IconArchive size={14} aria-hidden />}
            loading={archive.isPending}
            onClick={() => archive.mutate(!pipeline.archived)}
          >
            {pipeline.archived ? texts.unarchive : texts.archive}
          </Button>
        )}
      </Group>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing={6} aria-label={texts.stages}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{texts.stageName}</Table.Th>
              <Table.Th w={130}>{texts.probability}</Table.Th>
              <Table.Th w={160}>{texts.rottingDays}</Table.Th>
              <Table.Th w={120}>{texts.kind}</Table.Th>
              {canManage && <Table.Th w={110} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {stages.map((stage, index) => (
              <StageRow
                key={`${stage.id}-${stage.name}-${stage.probability}-${stage.rottingDays}-${stage.kind}`}
                pipelineId={pipeline.id}
                stage={stage}
                canManage={canManage}
                actions={
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={texts.moveUp(stage.name)}
                      disabled={index === 0 || reorder.isPending}
                      onClick={() => moveStage(index, -1)}
                    >
                      <IconArrowUp size={14} aria-hidden />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={texts.moveDown(stage.name)}
                      disabled={index === stages.length - 1 || reorder.isPending}
                      onClick={() => moveStage(index, 1)}
                    >
                      <IconArrowDown size={14} aria-hidden />
                    </ActionIcon>
                    <ActionIcon variant="subtle" color="red" aria-label={texts.remove(stage.name)} onClick={() => setRemoving(stage)}>
                      <IconTrash size={14} aria-hidden />
                    </ActionIcon>
                  </Group>
                }
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {canManage && <AddStageForm pipelineId={pipeline.id} />}
      <ConfirmDialog
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={removing ? texts.remove(removing.name) : ""}
        message={removing ? texts.removeConfirm(removing.name) : ""}
        confirmLabel={removing ? texts.remove(removing.name) : ""}
        loading={remove.isPending}
        onConfirm={() => removing && remove.mutate(removing.id, { onSettled: () => setRemoving(null) })}
      />
    </Paper>
  );
}

/** One stage: each field saves when it loses focus (or, for the kind, when chosen). */
function StageRow({ pipelineId, stage, canManage, actions }: { pipelineId: string; stage: Stage; canManage: boolean; actions: ReactNode }) {
  const update = useUpdateStage(pipelineId);
  const [name, setName] = useState(stage.name);
  const [probability, setProbability] = useState<number>(stage.probability);
  const [rotting, setRotting] = useState<number | "">(stage.rottingDays ?? "");
  const save = (body: Parameters<typeof update.mutate>[0]["body"]) =>
    update.mutate({ stageId: stage.id, body }, { onSuccess: () => notifySuccess(texts.saved) });
  const error = (f: string) => fieldError(update.error, f);
  if (!canManage) {
    return (
      <Table.Tr>
        <Table.Td>{stage.name}</Table.Td>
        <Table.Td>{stage.probability} %</Table.Td>
        <Table.Td>{stage.rottingDays ?? texts.never}</Table.Td>
        <Table.Td>{texts.kinds[stage.kind]}</Table.Td>
      </Table.Tr>
    );
  }
  return (
    <Table.Tr>
      <Table.Td>
        <TextInput
          aria-label={`${texts.stageName}: ${stage.name}`}
          size="xs"
          value={name}
          maxLength={100}
          onChange={(e) => setName(e.currentTarget.value)}
          onBlur={() => name.trim() && name.trim() !== stage.name && save({ name: name.trim() })}
          error={error("name")}
        />
      </Table.Td>
      <Table.Td>
        <NumberInput
          aria-label={`${texts.probability}: ${stage.name}`}
          size="xs"
          min={0}
          max={100}
          allowDecimal={false}
          value={probability}
          onChange={(v) => setProbability(Number(v) || 0)}
          onBlur={() => probability !== stage.probability && save({ probability })}
          error={error("probability")}
        />
      </Table.Td>
      <Table.Td>
        <NumberInput
          aria-label={`${texts.rottingDays}: ${stage.name}`}
          size="xs"
          min={1}
          max={3650}
          allowDecimal={false}
          placeholder={texts.never}
          value={rotting}
          onChange={(v) => setRotting(v === "" ? "" : Number(v))}
          onBlur={() => {
            const next = rotting === "" ? null : rotting;
            if (next !== stage.rottingDays) save({ rottingDays: next });
          }}
          error={error("rottingDays")}
        />
      </Table.Td>
      <Table.Td>
        <Select
          aria-label={`${texts.kind}: ${stage.name}`}
          size="xs"
          data={kindOptions}
          value={stage.kind}
          allowDeselect={false}
          onChange={(v) => v && v !== stage.kind && save({ kind: v as StageKind })}
          error={error("kind")}
        />
      </Table.Td>
      <Table.Td>{actions}</Table.Td>
    </Table.Tr>
  );
}

function AddStageForm({ pipelineId }: { pipelineId: string }) {
  const create = useCreateStage(pipelineId);
  const [name, setName] = useState("");
  const [probability, setProbability] = useState<number>(50);
  const [rotting, setRotting] = useState<number | "">("");
  const [kind, setKind] = useState<StageKind>("open");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    create.mutate(
      { name: name.trim(), probability, kind, rottingDays: rotting === "" ? null : rotting },
      {
        onSuccess: () => {
          setName("");
          notifySuccess(texts.saved);
        },
      },
    );
  };
  const error = (f: string) => fieldError(create.error, f);
  return (
    <form onSubmit={submit} aria-label={texts.addStage}>
      <Group align="flex-end" gap="xs" mt="sm" wrap="wrap">
        <TextInput
          label={texts.stageName}
          size="xs"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          maxLength={100}
          error={error("name")}
          w={200}
        />
        <NumberInput
          label={texts.probability}
          size="xs"
          min={0}
          max={100}
          allowDecimal={false}
          value={probability}
          onChange={(v) => setProbability(Number(v) || 0)}
          w={120}
        />
        <NumberInput
          label={texts.rottingDays}
          size="xs"
          min={1}
          max={3650}
          allowDecimal={false}
          placeholder={texts.never}
          value={rotting}
          onChange={(v) => setRotting(v === "" ? "" : Number(v))}
          w={150}
        />
        <Select
          label={texts.kind}
          size="xs"
          data={kindOptions}
          value={kind}
          allowDeselect={false}
          onChange={(v) => v && setKind(v as StageKind)}
          w={110}
        />
        <Button type="submit" size="xs" leftSection={<IconPlus size={14} aria-hidden />} loading={create.isPending} disabled={!name.trim()}>
          {texts.addStage}
        </Button>
      </Group>
    </form>
  );
}

function CreatePipelineModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (p: Pipeline) => void }) {
  const create = useCreatePipeline();
  const [name, setName] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    create.mutate(
      { name: name.trim() },
      {
        onSuccess: (p) => {
          notifySuccess(texts.created(p.name));
          setName("");
          onCreated(p);
        },
      },
    );
  };
  return (
    <Modal opened={opened} onClose={onClose} title={texts.newPipeline} centered>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput
            label={texts.name}
            data-autofocus
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            maxLength={200}
            error={fieldError(create.error, "name")}
          />
          <Text size="xs" c="dimmed">
            {texts.standardStages}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {dealsTexts.common.cancel}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
              {texts.create}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
