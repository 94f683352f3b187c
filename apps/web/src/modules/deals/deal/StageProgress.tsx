import { Button, Tooltip } from "@mantine/core";
import type { Deal, Pipeline } from "@rapport/contract";
import { IconCheck } from "@tabler/icons-react";
import { dealsTexts } from "../deals.texts";

const texts = dealsTexts.deal;

/**
 * The open stages of the deal's pipeline as steps: the ones passed are filled, the current one
 * is marked (aria-current). Clicking another stage moves the deal there.
 */
export function StageProgress({
  deal,
  pipeline,
  canEdit,
  moving,
  onMove,
}: {
  deal: Deal;
  pipeline: Pipeline;
  canEdit: boolean;
  moving: boolean;
  onMove: (stageId: string) => void;
}) {
  const open = pipeline.stages.filter((s) => s.kind === "open");
  const currentIndex = open.findIndex((s) => s.id === deal.stageId);
  return (
    <ol aria-label={texts.stages} style={{ display: "flex", flexWrap: "wrap", gap: 4, listStyle: "none", margin: 0, padding: 0 }}>
      {open.map((stage, index) => {
        const current = stage.id === deal.stageId;
        const passed = deal.status === "won" || (currentIndex >= 0 && index < currentIndex);
        return (
          <li key={stage.id}>
            <Tooltip label={`${stage.probability} %`} withArrow openDelay={300}>
              <Button
                size="xs"
                radius="xl"
                variant={current ? "filled" : passed ? "light" : "default"}
                leftSection={passed ? <IconCheck size={12} aria-hidden /> : undefined}
                aria-current={current ? "step" : undefined}
                aria-label={current ? texts.currentStage(stage.name) : texts.moveTo(stage.name)}
                disabled={!canEdit || moving}
                onClick={() => !current && onMove(stage.id)}
              >
                {stage.name}
              </Button>
            </Tooltip>
          </li>
        );
      })}
    </ol>
  );
}
