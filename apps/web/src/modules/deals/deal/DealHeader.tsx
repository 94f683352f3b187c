import { ActionIcon, Badge, Button, Group, Menu, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import type { Deal, Pipeline } from "@rapport/contract";
import { IconDots, IconRotate, IconThumbDown, IconThumbUp, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useNavigate } from "react-router";
import { usePermissions } from "../../../platform/auth/use-permissions";
import { ConfirmDialog } from "../../../platform/feedback/ConfirmDialog";
import { notifySuccess } from "../../../platform/feedback/notify";
import { formatMoney } from "../../../platform/format/number";
import { InlineEdit } from "../../records/record360/InlineEdit";
import { LostReasonModal } from "../board/LostReasonModal";
import { OwnerAvatar } from "../components/OwnerAvatar";
import { dealsTexts } from "../deals.texts";
import { formatDay } from "../format-day";
import { useMoveDeal, useTrashDeal, useUpdateDeal } from "../queries/deals.queries";
import { StageProgress } from "./StageProgress";

const texts = dealsTexts.deal;

/** Name, amount and weighted amount, the stage steps, and the won / lost / reopen actions. */
export function DealHeader({ deal, pipeline, canEdit }: { deal: Deal; pipeline: Pipeline | undefined; canEdit: boolean }) {
  const { can } = usePermissions();
  const navigate = useNavigate();
  const move = useMoveDeal();
  const update = useUpdateDeal(deal.id);
  const trash = useTrashDeal(deal.id);
  const [askLost, setAskLost] = useState(false);
  const [confirmTrash, setConfirmTrash] = useState(false);
  const wonStage = pipeline?.stages.find((s) => s.kind === "won");
  const lostStage = pipeline?.stages.find((s) => s.kind === "lost");
  const firstOpen = pipeline?.stages.find((s) => s.kind === "open");
  const stageName = (id: string) => pipeline?.stages.find((s) => s.id === id)?.name ?? "";
  const moveTo = (stageId: string, lostReason?: string | null) =>
    move.mutate(
      { dealId: deal.id, stageId, ...(lostReason !== undefined ? { lostReason } : {}) },
      { onSuccess: () => notifySuccess(texts.moved(stageName(stageId))) },
    );

  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={4} style={{ flex: "1 1 320px", minWidth: 0 }}>
            <InlineEdit<string>
              label={dealsTexts.details.name}
              canEdit={canEdit}
              errorField="name"
              initial={() => deal.name}
              onSave={(name) => update.mutateAsync({ name: name.trim() || deal.name })}
              display={
                <Title order={2} lh={1.25} style={{ overflowWrap: "anywhere" }}>
                  {deal.name}
                </Title>
              }
              editor={(api) => (
                <TextInput
                  aria-label={dealsTexts.details.name}
                  autoFocus
                  size="md"
                  value={api.value}
                  maxLength={300}
                  onChange={(e) => api.setValue(e.currentTarget.value)}
                  onKeyDown={api.onKeyDown}
                  disabled={api.saving}
                  error={api.error}
                />
              )}
            />
            <Group gap="md" wrap="wrap">
              <Text size="xl" fw={700} data-testid="deal-amount">
                {formatMoney(deal.amountMinor, deal.currency)}
              </Text>
              <Text size="sm" c="dimmed">
                {texts.weighted(deal.probability)}: {formatMoney(deal.weightedAmountMinor, deal.currency)}
              </Text>
              {deal.expectedCloseDate && (
                <Text size="sm" c="dimmed">
                  {texts.close}: {formatDay(deal.expectedCloseDate)}
                </Text>
              )}
              <OwnerAvatar ownerId={deal.ownerId} />
              {deal.status === "won" && (
                <Badge color="teal" variant="filled">
                  {texts.wonBadge}
                </Badge>
              )}
              {deal.status === "lost" && (
                <Badge color="red" variant="filled">
                  {texts.lostBadge(deal.lostReason)}
                </Badge>
              )}
              {deal.rotting && (
                <Badge color="orange" variant="light">
                  {dealsTexts.board.rotting}
                </Badge>
              )}
            </Group>
          </Stack>
          {canEdit && (
            <Group gap="xs">
              {deal.status === "open" ? (
                <>
                  <Button
                    color="teal"
                    leftSection={<IconThumbUp size={16} aria-hidden />}
                    disabled={!wonStage}
                    title={wonStage ? undefined : texts.noWonStage}
                    loading={move.isPending && move.variables?.stageId === wonStage?.id}
                    onClick={() => wonStage && moveTo(wonStage.id)}
                  >
                    {texts.markWon}
                  </Button>
                  <Button
                    color="red"
                    variant="light"
                    leftSection={<IconThumbDown size={16} aria-hidden />}
                    disabled={!lostStage}
                    title={lostStage ? undefined : texts.noLostStage}
                    onClick={() => setAskLost(true)}
                  >
                    {texts.markLost}
                  </Button>
                </>
              ) : (
                firstOpen && (
                  <Button
                    variant="default"
                    leftSection={<IconRotate size={16} aria-hidden />}
                    onClick={() => moveTo(firstOpen.id)}
                    loading={move.isPending}
                  >
                    {texts.reopen}
                  </Button>
                )
              )}
              {can("records.delete") && (
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <ActionIcon variant="default" size="lg" aria-label={texts.moreActions}>
                      <IconDots size={16} aria-hidden />
                    </ActionIcon>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => setConfirmTrash(true)}>
                      {texts.trash}
                    </Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              )}
            </Group>
          )}
        </Group>
        {pipeline && (
          <StageProgress deal={deal} pipeline={pipeline} canEdit={canEdit} moving={move.isPending} onMove={(id) => moveTo(id)} />
        )}
      </Stack>
      <LostReasonModal
        opened={askLost}
        dealName={deal.name}
        onCancel={() => setAskLost(false)}
        onConfirm={(reason) => {
          setAskLost(false);
          if (lostStage) moveTo(lostStage.id, reason);
        }}
      />
      <ConfirmDialog
        opened={confirmTrash}
        onClose={() => setConfirmTrash(false)}
        title={texts.trash}
        message={texts.trashConfirm(deal.name)}
        confirmLabel={texts.trash}
        loading={trash.isPending}
        onConfirm={() =>
          trash.mutate(undefined, {
            onSuccess: () => {
              notifySuccess(texts.trashed(deal.name));
              void navigate("/deals");
            },
          })
        }
      />
    </Paper>
  );
}
