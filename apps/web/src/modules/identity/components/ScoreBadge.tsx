import { Badge } from "@mantine/core";
import { identityTexts } from "../identity.texts";

const percent = new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 0 });

/** The match score as a percentage, coloured by how sure detection is. */
export function ScoreBadge({ score }: { score: number }) {
  const color = score >= 0.9 ? "green" : score >= 0.75 ? "yellow" : "gray";
  return (
    <Badge color={color} variant="light" aria-label={`${identityTexts.queue.score} ${percent.format(score)}`}>
      {percent.format(score)}
    </Badge>
  );
}
