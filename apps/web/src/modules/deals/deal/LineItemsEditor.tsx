import { ActionIcon, Alert, Button, Group, NumberInput, Stack, Table, Text } from "@mantine/core";
import type { Deal } from "@rapport/contract";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { fieldError } from "../../../platform/api/field-errors";
import { notifySuccess } from "../../../platform/feedback/notify";
import { formatMoney, formatNumber } from "../../../platform/format/number";
import { MoneyInput } from "../components/MoneyInput";
import { dealsTexts } from "../deals.texts";
import { useUpdateDeal } from "../queries/deals.queries";
import { type LineRow, priceIn, rowsOf, toInputs } from "./line-item-rows";
import { ProductSelect } from "./ProductSelect";

const texts = dealsTexts.items;

/**
 * The deal's products: pick a product, set quantity, unit price and discount, then save. The
 * server prices every line (rounding, discounts) and sets the deal amount to their sum; the
 * totals shown are always the server's.
 */
export function LineItemsEditor({ deal, canEdit }: { deal: Deal; canEdit: boolean }) {
  const update = useUpdateDeal(deal.id);
  const [rows, setRows] = useState<LineRow[]>(() => rowsOf(deal));
  const [dirty, setDirty] = useState(false);
  // A newer deal from the server (save, realtime) replaces the rows unless the user is editing.
  useEffect(() => {
    if (!dirty) setRows(rowsOf(deal));
  }, [deal, dirty]);

  const change = (key: string, patch: Partial<LineRow>) => {
    setDirty(true);
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  };
  const save = () =>
    update.mutate(
      { lineItems: toInputs(rows) },
      {
        onSuccess: () => {
          setDirty(false);
          notifySuccess(dealsTexts.details.saved);
        },
      },
    );
  const saved = new Map(deal.lineItems.map((i) => [i.id, i]));
  const error = fieldError(update.error, "lineItems");

  if (!canEdit && deal.lineItems.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {texts.empty}
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {texts.empty}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing={4} aria-label={texts.title}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{texts.product}</Table.Th>
                <Table.Th w={90}>{texts.quantity}</Table.Th>
                <Table.Th w={130}>{texts.unitPrice}</Table.Th>
                <Table.Th w={100}>{texts.discount}</Table.Th>
                <Table.Th w={120} ta="right">
                  {texts.total}
                </Table.Th>
                {canEdit && <Table.Th w={36} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row, index) => {
                const server = dirty ? undefined : saved.get(row.key);
                return (
                  <Table.Tr key={row.key}>
                    <Table.Td>
                      {canEdit ? (
                        <ProductSelect
                          aria-label={`${texts.product} ${index + 1}`}
                          placeholder={texts.pickProduct}
                          size="xs"
                          value={row.productId}
                          valueLabel={row.label}
                          onChange={(p) =>
                            p &&
                            change(row.key, { productId: p.id, label: `${p.code} — ${p.name}`, unitPriceMinor: priceIn(p, deal.currency) })
                          }
                        />
                      ) : (
                        <Text size="sm">{row.label}</Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {canEdit ? (
                        <NumberInput
                          aria-label={`${texts.quantity} ${index + 1}`}
                          size="xs"
                          min={0.001}
                          decimalScale={3}
                          value={row.quantity}
                          onChange={(v) => change(row.key, { quantity: typeof v === "number" ? v : Number(v) || 0 })}
                        />
                      ) : (
                        formatNumber(row.quantity)
                      )}
                    </Table.Td>
                    <Table.Td>
                      {canEdit ? (
                        <MoneyInput
                          aria-label={`${texts.unitPrice} ${index + 1}`}
                          size="xs"
                          currency={deal.currency}
                          value={row.unitPriceMinor}
                          placeholder={row.productId && row.unitPriceMinor === null ? texts.noPrice(deal.currency) : undefined}
                          onChange={(v) => change(row.key, { unitPriceMinor: v })}
                        />
                      ) : row.unitPriceMinor !== null ? (
                        formatMoney(row.unitPriceMinor, deal.currency)
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      {canEdit ? (
                        <NumberInput
                          aria-label={`${texts.discount} ${index + 1}`}
                          size="xs"
                          min={0}
                          max={100}
                          decimalScale={2}
                          value={row.discountPercent ?? ""}
                          placeholder={row.discountMinor !== null ? formatMoney(row.discountMinor, deal.currency) : undefined}
                          onChange={(v) => change(row.key, { discountPercent: v === "" ? null : Number(v) })}
                        />
                      ) : row.discountPercent !== null ? (
                        `${formatNumber(row.discountPercent)} %`
                      ) : null}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                      {server ? formatMoney(server.totalMinor, deal.currency) : dealsTexts.common.none}
                    </Table.Td>
                    {canEdit && (
                      <Table.Td>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={texts.remove(row.label || String(index + 1))}
                          onClick={() => {
                            setDirty(true);
                            setRows((all) => all.filter((r) => r.key !== row.key));
                          }}
                        >
                          <IconTrash size={14} aria-hidden />
                        </ActionIcon>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
            {!dirty && deal.lineItems.length > 0 && (
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th colSpan={4}>{texts.sum}</Table.Th>
                  <Table.Th ta="right" data-testid="line-items-sum">
                    {formatMoney(deal.amountMinor, deal.currency)}
                  </Table.Th>
                  {canEdit && <Table.Th />}
                </Table.Tr>
              </Table.Tfoot>
            )}
          </Table>
        </Table.ScrollContainer>
      )}
      {dirty && (
        <Text size="xs" c="dimmed">
          {texts.unsaved}
        </Text>
      )}
      {error && (
        <Alert color="red" variant="light" p="xs">
          {error}
        </Alert>
      )}
      {canEdit && (
        <Group justify="space-between">
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => {
              setDirty(true);
              setRows((all) => [
                ...all,
                {
                  key: `new-${Date.now()}`,
                  productId: null,
                  label: "",
                  quantity: 1,
                  unitPriceMinor: null,
                  discountPercent: null,
                  discountMinor: null,
                },
              ]);
            }}
          >
            {texts.add}
          </Button>
          {dirty && (
            <Group gap="xs">
              <Button
                variant="default"
                size="xs"
                onClick={() => {
                  setDirty(false);
                  setRows(rowsOf(deal));
                  update.reset();
                }}
              >
                {texts.reset}
              </Button>
              <Button size="xs" onClick={save} loading={update.isPending}>
                {texts.save}
              </Button>
            </Group>
          )}
        </Group>
      )}
    </Stack>
  );
}
