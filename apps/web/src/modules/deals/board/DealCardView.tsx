import { Badge, Group, Text, Tooltip } from "@mantine/core";
import type { DealCard } from "@rapport/contract";
import { IconAlertTriangle } from "@tabler/icons-react";
import { Link } from "react-router";
import { formatMoney, formatNumber } from "../../../platform/format/number";
import { OwnerAvatar } from "../components/OwnerAvatar";
import { dealsTexts } from "../deals.texts";
import { formatDay } from "../format-day";
import classes from "./Board.module.css";

const texts = dealsTexts.board;

/** What a card shows: name, company, amount, owner, expected close, days in stage and the rotting flag. */
export function DealCardView({ card, rottingDays }: { card: DealCard; rottingDays: number | null }) {
  return (
    <>
      <Group justify="space-between" gap={6} wrap="nowrap" align="flex-start">
        <Link to={`/deals/${card.id}`} className={classes.cardName} onPointerDown={(e) => e.stopPropagation()}>
          {card.name}
        </Link>
        <OwnerAvatar ownerId={card.ownerId} size={22} />
      </Group>
      {card.companyName && (
        <Text size="xs" c="dimmed" truncate>
          {card.companyName}
        </Text>
      )}
      <Group justify="space-between" gap={4} mt={4} wrap="nowrap">
        <Text size="sm" fw={500}>
          {formatMoney(card.amountMinor, card.currency)}
        </Text>
        {card.rotting ? (
          <Tooltip label={texts.rottingHint(rottingDays ?? card.daysInStage)} withArrow>
            <Badge size="xs" color="orange" variant="light" leftSection={<IconAlertTriangle size={10} aria-hidden />}>
              {texts.rotting}
            </Badge>
          </Tooltip>
        ) : null}
      </Group>
      <Group justify="space-between" gap={4} wrap="nowrap">
        <Text size="xs" c="dimmed">
          {card.expectedCloseDate ? texts.closes(formatDay(card.expectedCloseDate)) : ""}
        </Text>
        <Text size="xs" c="dimmed">
          {texts.daysInStage(formatNumber(card.daysInStage))}
        </Text>
      </Group>
    </>
  );
}
