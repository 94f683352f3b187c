import { useDraggable, useDroppable } from "@dnd-kit/core";
import { Badge, Button, Group, Text, Title } from "@mantine/core";
import type { Board, DealCard, Stage } from "@rapport/contract";
import { memo } from "react";
import { formatMoney, formatNumber } from "../../../platform/format/number";
import { MoneyTotals } from "../components/MoneyTotals";
import { dealsTexts } from "../deals.texts";
import classes from "./Board.module.css";
import { DealCardView } from "./DealCardView";

const texts = dealsTexts.board;
type Column = Board["columns"][number];

type Props = {
  stage: Stage;
  column: Column;
  onLoadMore: (stageId: string, cursor: string) => void;
  loadingMore: boolean;
};

/** One stage of the board: a drop target with its count and totals, and its cards (a page at a time). */
export const BoardColumn = memo(function BoardColumn({ stage, column, onLoadMore, loadingMore }: Props) {
  const { setNodeRef, isOver } = useDroppable({ id: stage.id, data: { stage } });
  const headingId = `stage-${stage.id}`;
  return (
    <section
      ref={setNodeRef}
      className={classes.column}
      data-over={isOver || undefined}
      aria-labelledby={headingId}
      data-testid="board-column"
    >
      <div className={classes.columnHeader}>
        <Group justify="space-between" gap={4} wrap="nowrap">
          <Title order={3} size="h6" id={headingId} lineClamp={1}>
            {stage.name}
          </Title>
          <Group gap={4} wrap="nowrap">
            {stage.kind !== "open" && (
              <Badge size="xs" variant="light" color={stage.kind === "won" ? "teal" : "red"}>
                {dealsTexts.status[stage.kind]}
              </Badge>
            )}
            <Text size="xs" c="dimmed" aria-label={texts.count(formatNumber(column.count))} data-testid="column-count">
              {formatNumber(column.count)}
            </Text>
          </Group>
        </Group>
        <Text size="xs" c="dimmed">
          {stage.probability} %
        </Text>
        <MoneyTotals totals={column.totals} />
      </div>
      <ul className={classes.cards} aria-label={texts.column(stage.name)}>
        {column.deals.length === 0 && (
          <li>
            <Text size="xs" c="dimmed" ta="center" py="md">
              {texts.empty}
            </Text>
          </li>
        )}
        {column.deals.map((card) => (
          <DraggableCard key={card.id} card={card} stage={stage} />
        ))}
        {column.nextCursor && (
          <li>
            <Button
              variant="subtle"
              size="xs"
              fullWidth
              loading={loadingMore}
              onClick={() => column.nextCursor && onLoadMore(stage.id, column.nextCursor)}
            >
              {dealsTexts.common.loadMore}
            </Button>
          </li>
        )}
      </ul>
    </section>
  );
});

const DraggableCard = memo(function DraggableCard({ card, stage }: { card: DealCard; stage: Stage }) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: card.id, data: { card, fromStageId: stage.id } });
  const label = [card.name, card.companyName, formatMoney(card.amountMinor, card.currency), card.rotting ? texts.rotting : null]
    .filter(Boolean)
    .join(", ");
  return (
    <li>
      {/* biome-ignore lint/a11y/useSemanticElements: the card holds a link to the deal, so it cannot be a <button>; dnd-kit makes it the drag handle */}
      <div
        ref={setNodeRef}
        className={classes.card}
        data-rotting={card.rotting || undefined}
        data-dragging={isDragging || undefined}
        data-testid="deal-card"
        {...attributes}
        {...listeners}
        role="button"
        tabIndex={0}
        aria-label={label}
      >
        <DealCardView card={card} rottingDays={stage.rottingDays} />
      </div>
    </li>
  );
});
