import { Badge, Group } from "@mantine/core";
import type { DuplicateReason } from "@rapport/contract";
import { identityTexts } from "../identity.texts";

const STRONG: DuplicateReason[] = ["same_email", "same_phone", "same_external_id"];

/** Why a pair was proposed, strongest evidence first. */
export function ReasonBadges({ reasons }: { reasons: DuplicateReason[] }) {
  const sorted = [...reasons].sort((a, b) => Number(STRONG.includes(b)) - Number(STRONG.includes(a)));
  return (
    <Group gap={4}>
      {sorted.map((r) => (
        <Badge key={r} size="sm" variant={STRONG.includes(r) ? "filled" : "light"}>
          {identityTexts.reasons[r]}
        </Badge>
      ))}
    </Group>
  );
}
