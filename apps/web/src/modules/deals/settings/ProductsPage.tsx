import {
  ActionIcon,
  Badge,
  Button,
  Center,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import type { Product } from "@rapport/contract";
import { IconPackage, IconPencil, IconPlus, IconSearch, IconX } from "@tabler/icons-react";
import { type FormEvent, useMemo, useState } from "react";
import { fieldError } from "../../../platform/api/field-errors";
import { useMe } from "../../../platform/auth/use-me";
import { usePermissions } from "../../../platform/auth/use-permissions";
import { EmptyState } from "../../../platform/feedback/EmptyState";
import { ErrorState } from "../../../platform/feedback/ErrorState";
import { notifySuccess } from "../../../platform/feedback/notify";
import { TableSkeleton } from "../../../platform/feedback/TableSkeleton";
import { formatMoney } from "../../../platform/format/number";
import { PageHeader } from "../../../platform/shell/PageHeader";
import { useCreateParam } from "../../../platform/shell/use-create-param";
import { CurrencySelect } from "../../settings/components/CurrencySelect";
import { settingsTexts } from "../../settings/settings.texts";
import { MoneyInput } from "../components/MoneyInput";
import { dealsTexts } from "../deals.texts";
import { useProducts, useSaveProduct, useSetProductActive } from "../queries/products.queries";

const texts = dealsTexts.products;

/** Settings › Products: the catalogue with its price list (one unit price per currency) and the active switch. */
export function ProductsPage() {
  const { can } = usePermissions();
  const canManage = can("sales.manage");
  const [q, setQ] = useState("");
  const [debounced] = useDebouncedValue(q, 250);
  const [showInactive, setShowInactive] = useState(false);
  const products = useProducts({
    ...(debounced.trim() ? { q: debounced.trim() } : {}),
    ...(showInactive ? {} : { active: "true" as const }),
  });
  const setActive = useSetProductActive();
  const [creating, createModal] = useCreateParam(canManage);
  const [editing, setEditing] = useState<Product | null>(null);
  const items = useMemo(() => products.data?.pages.flatMap((p) => p.items) ?? [], [products.data]);
  const create = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={createModal.open}>
      {texts.newProduct}
    </Button>
  );

  return (
    <>
      <PageHeader title={texts.title} description={texts.description} context={settingsTexts.module} actions={canManage && create} />
      <Group gap="sm" mb="md" align="flex-end">
        <TextInput
          label={texts.search}
          leftSection={<IconSearch size={14} aria-hidden />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={260}
        />
        <Switch label={texts.showInactive} checked={showInactive} onChange={(e) => setShowInactive(e.currentTarget.checked)} mb={8} />
      </Group>
      {products.isPending ? (
        <TableSkeleton rows={5} />
      ) : products.isError ? (
        <ErrorState error={products.error} onRetry={() => void products.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState icon={<IconPackage />} title={q ? texts.noMatch : texts.empty} action={!q && canManage && create} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs" highlightOnHover aria-label={texts.title}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{texts.code}</Table.Th>
                  <Table.Th>{texts.name}</Table.Th>
                  <Table.Th>{texts.productLine}</Table.Th>
                  <Table.Th>{texts.prices}</Table.Th>
                  <Table.Th>{texts.active}</Table.Th>
                  {canManage && <Table.Th w={50} />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {p.code}
                      </Text>
                    </Table.Td>
                    <Table.Td>{p.name}</Table.Td>
                    <Table.Td>{p.productLine ?? dealsTexts.common.none}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {p.prices.map((price) => (
                          <Badge key={price.currency} variant="light" color="gray" tt="none">
                            {formatMoney(price.unitPriceMinor, price.currency)}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Switch
                        aria-label={`${texts.active}: ${p.name}`}
                        checked={p.active}
                        disabled={!canManage || (setActive.isPending && setActive.variables?.id === p.id)}
                        onChange={(e) => setActive.mutate({ id: p.id, active: e.currentTarget.checked })}
                      />
                    </Table.Td>
                    {canManage && (
                      <Table.Td>
                        <ActionIcon variant="subtle" color="gray" aria-label={texts.editProduct(p.name)} onClick={() => setEditing(p)}>
                          <IconPencil size={16} aria-hidden />
                        </ActionIcon>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {products.hasNextPage && (
            <Center mt="sm">
              <Button variant="default" size="xs" onClick={() => void products.fetchNextPage()} loading={products.isFetchingNextPage}>
                {dealsTexts.common.loadMore}
              </Button>
            </Center>
          )}
        </>
      )}
      <Modal
        opened={creating || editing !== null}
        onClose={() => {
          createModal.close();
          setEditing(null);
        }}
        title={editing ? texts.editProduct(editing.name) : texts.newProduct}
        centered
        size="lg"
      >
        {(creating || editing) && (
          <ProductForm
            key={editing?.id ?? "new"}
            product={editing}
            onDone={() => {
              createModal.close();
              setEditing(null);
            }}
          />
        )}
      </Modal>
    </>
  );
}

type PriceRow = { key: number; currency: string; unitPriceMinor: number | null };

function ProductForm({ product, onDone }: { product: Product | null; onDone: () => void }) {
  const me = useMe();
  const save = useSaveProduct(product?.id ?? null);
  const [code, setCode] = useState(product?.code ?? "");
  const [name, setName] = useState(product?.name ?? "");
  const [line, setLine] = useState(product?.productLine ?? "");
  const [description, setDescription] = useState(product?.description ?? "");
  const [active, setActive] = useState(product?.active ?? true);
  const [prices, setPrices] = useState<PriceRow[]>(
    product ? product.prices.map((p, i) => ({ key: i, ...p })) : [{ key: 0, currency: me.workspace.defaultCurrency, unitPriceMinor: null }],
  );
  const error = (f: string) => fieldError(save.error, f);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        code: code.trim(),
        name: name.trim(),
        productLine: line.trim() || null,
        description: description.trim() || null,
        active,
        prices: prices
          .filter((p) => p.unitPriceMinor !== null)
          .map((p) => ({ currency: p.currency, unitPriceMinor: p.unitPriceMinor ?? 0 })),
      },
      {
        onSuccess: (saved) => {
          notifySuccess(product ? texts.saved(saved.name) : texts.created(saved.name));
          onDone();
        },
      },
    );
  };
  const setRow = (key: number, patch: Partial<PriceRow>) => setPrices((rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={texts.code}
            required
            data-autofocus
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            maxLength={64}
            error={error("code")}
          />
          <TextInput
            label={texts.name}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            maxLength={300}
            error={error("name")}
          />
          <TextInput
            label={texts.productLine}
            value={line}
            onChange={(e) => setLine(e.currentTarget.value)}
            maxLength={100}
            error={error("productLine")}
          />
          <Switch
            label={texts.active}
            description={texts.activeHint}
            checked={active}
            onChange={(e) => setActive(e.currentTarget.checked)}
            mt="lg"
          />
        </SimpleGrid>
        <Textarea
          label={texts.descriptionField}
          autosize
          minRows={2}
          maxRows={6}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={error("description")}
        />
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            {texts.prices}
          </Text>
          {prices.map((row) => (
            <Group key={row.key} gap="xs" align="flex-end" wrap="nowrap">
              <CurrencySelect
                aria-label={texts.currency}
                label={texts.currency}
                value={row.currency}
                onChange={(c) => setRow(row.key, { currency: c })}
                w={220}
                comboboxProps={{ withinPortal: true }}
              />
              <MoneyInput
                label={texts.unitPrice}
                currency={row.currency}
                value={row.unitPriceMinor}
                onChange={(v) => setRow(row.key, { unitPriceMinor: v })}
                style={{ flex: 1 }}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                mb={4}
                aria-label={texts.removePrice(row.currency)}
                onClick={() => setPrices((rows) => rows.filter((r) => r.key !== row.key))}
              >
                <IconX size={16} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          {error("prices") && (
            <Text size="xs" c="red">
              {error("prices")}
            </Text>
          )}
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            style={{ alignSelf: "flex-start" }}
            onClick={() => setPrices((rows) => [...rows, { key: Date.now(), currency: "USD", unitPriceMinor: null }])}
          >
            {texts.addPrice}
          </Button>
        </Stack>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {dealsTexts.common.cancel}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {texts.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
