import { Stack, Text } from "@mantine/core";
import { formatMoney } from "../../../platform/format/number";
import { dealsTexts } from "../deals.texts";

type Total = { currency: string; amountMinor: number; weightedAmountMinor: number };

/** A column's totals: one line per currency, the amount and the weighted amount. */
export function MoneyTotals({ totals }: { totals: readonly Total[] }) {
  const texts = dealsTexts.board;
  if (totals.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        {texts.noTotal}
      </Text>
    );
  }
  return (
    <Stack gap={0}>
      {totals.map((t) => (
        <Text key={t.currency} size="xs" data-testid={`total-${t.currency}`}>
          <Text span fw={600} size="xs" title={texts.total}>
            {formatMoney(t.amountMinor, t.currency)}
          </Text>
          <Text span c="dimmed" size="xs">
            {" · "}
            {texts.weighted} {formatMoney(t.weightedAmountMinor, t.currency)}
          </Text>
        </Text>
      ))}
    </Stack>
  );
}
