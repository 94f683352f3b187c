import { UnstyledButton } from "@mantine/core";
import { formatMoney } from "../../../platform/format/number";

type Props = { amountMinor: number; currency: string; label: string; onOpen: () => void };

/** A forecast number that opens the deals behind it. */
export function MoneyButton({ amountMinor, currency, label, onOpen }: Props) {
  return (
    <UnstyledButton onClick={onOpen} aria-label={label} style={{ textDecoration: "underline dotted", textUnderlineOffset: 3 }}>
      {formatMoney(amountMinor, currency)}
    </UnstyledButton>
  );
}
