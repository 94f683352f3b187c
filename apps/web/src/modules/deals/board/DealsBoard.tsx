import {
  type Announcements,
  type CollisionDetection,
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { Group, Skeleton } from "@mantine/core";
import type { DealCard, Pipeline } from "@rapport/contract";
import { useCallback, useMemo, useState } from "react";
import { ErrorState } from "../../../platform/feedback/ErrorState";
import { dealsTexts } from "../deals.texts";
import type { DealFilters } from "../queries/deal-filters";
import { useBoard, useLoadMoreCards, useMoveDeal } from "../queries/deals.queries";
import classes from "./Board.module.css";
import { BoardColumn } from "./BoardColumn";
import { findCard } from "./board-move";
import { DealCardView } from "./DealCardView";
import { columnKeyboardCoordinates } from "./keyboard-coordinates";
import { LostReasonModal } from "./LostReasonModal";

const texts = dealsTexts.board;

/** With a pointer, the column under it; with the keyboard, the column the card overlaps most. */
const collisionDetection: CollisionDetection = (args) => {
  if (args.pointerCoordinates) {
    const under = pointerWithin(args);
    if (under.length > 0) return under;
  }
  return rectIntersection(args);
};

type PendingLost = { card: DealCard; stageId: string };

/** The kanban board of one pipeline: drag cards between stages with a pointer or the keyboard. */
export function DealsBoard({ pipeline, filters }: { pipeline: Pipeline; filters: DealFilters }) {
  const board = useBoard(pipeline.id, filters);
  const move = useMoveDeal();
  const loadMore = useLoadMoreCards(pipeline.id, filters);
  const [active, setActive] = useState<DealCard | null>(null);
  const [pendingLost, setPendingLost] = useState<PendingLost | null>(null);
  const stages = useMemo(() => new Map(pipeline.stages.map((s) => [s.id, s])), [pipeline.stages]);
  const stageName = useCallback((id: unknown) => stages.get(String(id))?.name ?? "", [stages]);
  const cardName = useCallback((id: unknown) => (board.data ? (findCard(board.data, String(id))?.card.name ?? "") : ""), [board.data]);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    // Instant scrolling: a smooth scroll still running when the card is dropped would drop it on the wrong column.
    useSensor(KeyboardSensor, { coordinateGetter: columnKeyboardCoordinates, scrollBehavior: "auto" }),
  );

  const announcements: Announcements = useMemo(
    () => ({
      onDragStart: ({ active: a }) => texts.announce.start(cardName(a.id), stageName(a.data.current?.fromStageId)),
      onDragOver: ({ active: a, over }) =>
        over ? texts.announce.over(cardName(a.id), stageName(over.id)) : texts.announce.outside(cardName(a.id)),
      onDragEnd: ({ active: a, over }) =>
        over ? texts.announce.end(cardName(a.id), stageName(over.id)) : texts.announce.endNowhere(cardName(a.id)),
      onDragCancel: ({ active: a }) => texts.announce.cancel(cardName(a.id)),
    }),
    [cardName, stageName],
  );

  const onDragStart = ({ active: a }: DragStartEvent) => setActive((a.data.current?.card as DealCard | undefined) ?? null);
  const onDragEnd = ({ active: a, over }: DragEndEvent) => {
    setActive(null);
    const card = a.data.current?.card as DealCard | undefined;
    const from = a.data.current?.fromStageId as string | undefined;
    if (!card || !over || over.id === from) return;
    const target = stages.get(String(over.id));
    if (!target) return;
    if (target.kind === "lost") setPendingLost({ card, stageId: target.id });
    else move.mutate({ dealId: card.id, stageId: target.id });
  };

  const onLoadMore = useCallback((stageId: string, cursor: string) => loadMore.mutate({ stageId, cursor }), [loadMore.mutate]);

  if (board.isError) return <ErrorState error={board.error} onRetry={() => void board.refetch()} />;
  if (!board.data) {
    return (
      <Group gap="sm" wrap="nowrap" aria-busy="true" aria-label={dealsTexts.common.loading} style={{ overflow: "hidden" }}>
        {pipeline.stages.map((s) => (
          <Skeleton key={s.id} height={320} width={272} radius="md" style={{ flex: "none" }} />
        ))}
      </Group>
    );
  }
  const columns = new Map(board.data.columns.map((c) => [c.stageId, c]));

  return (
    <>
      <DndContext
        sensors={sensors}
        collisionDetection={collisionDetection}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setActive(null)}
        accessibility={{ announcements, screenReaderInstructions: { draggable: texts.instructions } }}
      >
        <section className={classes.board} aria-label={texts.region(pipeline.name)} aria-busy={board.isFetching || undefined}>
          {board.data.pipeline.stages.map((stage) => {
            const column = columns.get(stage.id);
            if (!column) return null;
            return (
              <BoardColumn
                key={stage.id}
                stage={stage}
                column={column}
                onLoadMore={onLoadMore}
                loadingMore={loadMore.isPending && loadMore.variables?.stageId === stage.id}
              />
            );
          })}
        </section>
        <DragOverlay dropAnimation={null}>
          {active && (
            <div className={`${classes.card} ${classes.overlay}`}>
              <DealCardView card={active} rottingDays={null} />
            </div>
          )}
        </DragOverlay>
      </DndContext>
      <LostReasonModal
        opened={pendingLost !== null}
        dealName={pendingLost?.card.name ?? null}
        onCancel={() => setPendingLost(null)}
        onConfirm={(lostReason) => {
          if (pendingLost) move.mutate({ dealId: pendingLost.card.id, stageId: pendingLost.stageId, lostReason });
          setPendingLost(null);
        }}
      />
    </>
  );
}
