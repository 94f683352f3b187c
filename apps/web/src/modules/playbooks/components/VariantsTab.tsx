import { Button, Group, Paper, Select, Stack, Text, TextInput } from "@mantine/core";
import type { Pipeline, Playbook } from "@rapport/contract";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { fieldError } from "../../../platform/api/field-errors";
import { ConfirmDialog } from "../../../platform/feedback/ConfirmDialog";
import { ErrorState } from "../../../platform/feedback/ErrorState";
import { notifyError, notifySuccess } from "../../../platform/feedback/notify";
import { TableSkeleton } from "../../../platform/feedback/TableSkeleton";
import { playbooksTexts } from "../playbooks.texts";
import { useDeleteVariant, usePutVariant, useVariant } from "../queries/playbooks.queries";
import { VariantEditor } from "./VariantEditor";

const texts = playbooksTexts.variants;

/** Pick, create and delete regional variants; edit the one picked. */
export function VariantsTab({ pipeline, playbook, canEdit }: { pipeline: Pipeline; playbook: Playbook; canEdit: boolean }) {
  const [region, setRegion] = useState<string | null>(playbook.variants[0]?.region ?? null);
  const [code, setCode] = useState("");
  const [name, setName] = useState("");
  const [deleting, setDeleting] = useState(false);
  const variant = useVariant(playbook.id, region);
  const put = usePutVariant();
  const remove = useDeleteVariant();
  const create = () =>
    put.mutate(
      { id: playbook.id, region: code.trim().toUpperCase(), body: { name, stages: [] } },
      {
        onSuccess: (v) => {
          setRegion(v.region);
          setCode("");
          setName("");
        },
        onError: (e) => notifyError(e),
      },
    );
  return (
    <Stack>
      <Group align="flex-end" wrap="wrap">
        {playbook.variants.length > 0 ? (
          <Select
            label={texts.pick}
            data={playbook.variants.map((v) => ({ value: v.region, label: playbooksTexts.variantLabel(v) }))}
            value={region}
            onChange={setRegion}
            allowDeselect={false}
            maw={320}
          />
        ) : (
          <Text size="sm" c="dimmed">
            {texts.none}
          </Text>
        )}
        {canEdit && region && (
          <Button variant="subtle" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setDeleting(true)}>
            {texts.delete}
          </Button>
        )}
      </Group>
      {canEdit && (
        <Paper withBorder p="sm">
          <Group align="flex-start" wrap="wrap">
            <TextInput
              label={texts.code}
              description={texts.codeHint}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              maxLength={32}
              error={fieldError(put.error, "region")}
              maw={320}
            />
            <TextInput
              label={texts.name}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              maxLength={100}
              error={fieldError(put.error, "body.name")}
            />
            <Button
              mt={24}
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={create}
              loading={put.isPending}
              disabled={!code.trim() || !name.trim()}
            >
              {texts.create}
            </Button>
          </Group>
        </Paper>
      )}
      {region &&
        (variant.isPending ? (
          <TableSkeleton rows={4} />
        ) : variant.isError ? (
          <ErrorState error={variant.error} onRetry={() => void variant.refetch()} />
        ) : (
          <VariantEditor
            key={`${variant.data.region}:${variant.data.updatedAt}`}
            pipeline={pipeline}
            playbook={playbook}
            variant={variant.data}
            canEdit={canEdit}
          />
        ))}
      <ConfirmDialog
        opened={deleting}
        title={texts.delete}
        message={texts.deleteConfirm(variant.data?.name ?? region ?? "")}
        confirmLabel={texts.delete}
        loading={remove.isPending}
        onClose={() => setDeleting(false)}
        onConfirm={() =>
          region &&
          remove.mutate(
            { id: playbook.id, region },
            {
              onSuccess: () => {
                setDeleting(false);
                setRegion(playbook.variants.find((v) => v.region !== region)?.region ?? null);
                notifySuccess(texts.deleted);
              },
              onError: (e) => notifyError(e),
            },
          )
        }
      />
    </Stack>
  );
}
