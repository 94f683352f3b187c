import { Badge, type BadgeProps } from "@mantine/core";
import { recordsTexts } from "../records.texts";

const colors: Record<string, string> = {
  subscriber: "gray",
  lead: "blue",
  prospect: "cyan",
  opportunity: "violet",
  customer: "teal",
  evangelist: "grape",
  churned: "red",
  other: "gray",
};

export function lifecycleColor(stage: string): string {
  return colors[stage] ?? "gray";
}

export function lifecycleLabel(stage: string): string {
  return recordsTexts.lifecycleStages[stage] ?? stage;
}

export const lifecycleOptions = Object.entries(recordsTexts.lifecycleStages).map(([value, label]) => ({ value, label }));

export function LifecycleBadge({ stage, ...props }: { stage: string } & Omit<BadgeProps, "children" | "color">) {
  return (
    <Badge variant="light" color={colors[stage] ?? "gray"} radius="sm" {...props}>
      {lifecycleLabel(stage)}
    </Badge>
  );
}
