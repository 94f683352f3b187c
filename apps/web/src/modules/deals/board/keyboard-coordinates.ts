import type { KeyboardCoordinateGetter } from "@dnd-kit/core";

/**
 * Keyboard moves on the board: left and right jump to the centre of the neighbouring column
 * (instead of dnd-kit's 25 px steps), so one key press is one stage. Up and down do nothing:
 * a card's place inside a column is not chosen by hand.
 */
export const columnKeyboardCoordinates: KeyboardCoordinateGetter = (event, { currentCoordinates, context }) => {
  if (event.code !== "ArrowRight" && event.code !== "ArrowLeft") return undefined;
  event.preventDefault();
  const { collisionRect, droppableRects, droppableContainers } = context;
  if (!collisionRect) return undefined;
  const centre = collisionRect.left + collisionRect.width / 2;
  const columns = droppableContainers
    .getEnabled()
    .map((c) => droppableRects.get(c.id))
    .filter((r): r is NonNullable<typeof r> => r !== undefined)
    .sort((a, b) => a.left - b.left);
  const target =
    event.code === "ArrowRight"
      ? columns.find((r) => r.left + r.width / 2 > centre + 1)
      : [...columns].reverse().find((r) => r.left + r.width / 2 < centre - 1);
  if (!target) return currentCoordinates;
  return { x: target.left + (target.width - collisionRect.width) / 2, y: Math.max(currentCoordinates.y, target.top) };
};
