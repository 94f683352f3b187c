import { Anchor, Button, Group, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { ErrorState } from "../../../platform/feedback/ErrorState";
import type { RecordPanelProps } from "../../records/record-panels";
import { recordPath } from "../../records/record-types";
import { identityTexts } from "../identity.texts";
import { mergePath } from "../merge-path";
import { useContactDuplicates } from "../queries/identity.queries";
import { ReasonBadges } from "./ReasonBadges";
import { ScoreBadge } from "./ScoreBadge";

const texts = identityTexts.panel;

/** On a person's 360° page: the open candidate pairs this person is part of. */
export function PossibleDuplicatesPanel({ recordId, canEdit }: RecordPanelProps) {
  const duplicates = useContactDuplicates(recordId);
  if (duplicates.isPending) return null;
  if (duplicates.isError) return <ErrorState error={duplicates.error} onRetry={() => void duplicates.refetch()} />;
  const items = duplicates.data.items;
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {texts.none}
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      {items.map((d) => {
        const other = d.a.id === recordId ? d.b : d.a;
        return (
          <Stack key={d.id} gap={4}>
            <Group justify="space-between" wrap="nowrap">
              <Anchor component={Link} to={recordPath("contact", other.id)} size="sm" fw={500}>
                {other.name}
              </Anchor>
              <ScoreBadge score={d.score} />
            </Group>
            <ReasonBadges reasons={d.reasons} />
            {canEdit && (
              <Button component={Link} to={mergePath(recordId, other.id, d.id)} size="compact-xs" variant="light" w="fit-content">
                {texts.review}
              </Button>
            )}
          </Stack>
        );
      })}
    </Stack>
  );
}
