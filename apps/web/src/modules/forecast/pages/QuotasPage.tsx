import { ActionIcon, Button, Group, NumberInput, Paper, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { iamEndpoints } from "@rapport/contract";
import { IconTarget, IconTrash } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { apiCall } from "../../../platform/api/api-client";
import { useMe } from "../../../platform/auth/use-me";
import { usePermissions } from "../../../platform/auth/use-permissions";
import { EmptyState } from "../../../platform/feedback/EmptyState";
import { ErrorState } from "../../../platform/feedback/ErrorState";
import { notifyError, notifySuccess } from "../../../platform/feedback/notify";
import { TableSkeleton } from "../../../platform/feedback/TableSkeleton";
import { formatMoney } from "../../../platform/format/number";
import { PageHeader } from "../../../platform/shell/PageHeader";
import { useQuotas, useRemoveQuota, useSaveQuota } from "../forecast.queries";
import { forecastTexts as t } from "../forecast.texts";

/** Minor units per major unit of a currency (100 for EUR, 1 for JPY). */
const minorFactor = (currency: string) => {
  try {
    return 10 ** (new Intl.NumberFormat(undefined, { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2);
  } catch {
    return 100;
  }
};

function QuotaForm({ defaultCurrency }: { defaultCurrency: string }) {
  const users = useQuery({
    queryKey: ["users", "directory"],
    queryFn: async ({ signal }) => (await apiCall(iamEndpoints.listUsers, { signal })).items,
  });
  const teams = useQuery({ queryKey: ["teams"], queryFn: async ({ signal }) => (await apiCall(iamEndpoints.listTeams, { signal })).items });
  const save = useSaveQuota();
  const [target, setTarget] = useState<string | null>(null);
  const [period, setPeriod] = useState("");
  const [amount, setAmount] = useState<number | string>("");
  const [currency, setCurrency] = useState(defaultCurrency);
  const options = [
    { group: t.quotas.rep, items: (users.data ?? []).map((u) => ({ value: `user:${u.id}`, label: u.name })) },
    { group: t.quotas.team, items: (teams.data ?? []).map((x) => ({ value: `team:${x.id}`, label: x.name })) },
  ];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!target || typeof amount !== "number") return;
    const [kind, id] = target.split(":") as [string, string];
    save.mutate(
      {
        ...(kind === "user" ? { userId: id } : { teamId: id }),
        period: period.trim(),
        amountMinor: Math.round(amount * minorFactor(currency)),
        currency,
      },
      {
        onSuccess: () => {
          notifySuccess(t.quotas.saved);
          setAmount("");
        },
        onError: (error) => notifyError(error),
      },
    );
  };
  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={submit}>
      <Group align="flex-end">
        <Select label={t.quotas.target} data={options} value={target} onChange={setTarget} searchable required w={220} />
        <TextInput
          label={t.quotas.period}
          placeholder={t.quotas.periodHint}
          value={period}
          onChange={(e) => setPeriod(e.currentTarget.value)}
          required
          w={140}
        />
        <NumberInput label={t.quotas.amountLabel} value={amount} onChange={setAmount} min={0} decimalScale={2} required w={180} />
        <TextInput
          label={t.quotas.currency}
          value={currency}
          onChange={(e) => setCurrency(e.currentTarget.value.toUpperCase())}
          maxLength={3}
          required
          w={90}
        />
        <Button type="submit" loading={save.isPending}>
          {t.quotas.add}
        </Button>
      </Group>
    </Paper>
  );
}

/** /forecast/quotas: the targets the caller sees; administrators and managers add and remove them. */
export function QuotasPage() {
  const me = useMe();
  const { can } = usePermissions();
  const quotas = useQuotas();
  const remove = useRemoveQuota();
  const manage = can("sales.manage");
  return (
    <>
      <PageHeader title={t.quotasTitle} description={t.quotasDescription} />
      <Stack>
        {manage && <QuotaForm defaultCurrency={me.workspace.defaultCurrency} />}
        {quotas.isPending ? (
          <TableSkeleton rows={4} />
        ) : quotas.isError ? (
          <ErrorState error={quotas.error} onRetry={() => quotas.refetch()} />
        ) : quotas.data.items.length === 0 ? (
          <EmptyState icon={<IconTarget />} title={t.quotas.empty} />
        ) : (
          <Paper withBorder p="md" radius="md">
            <Table striped aria-label={t.quotasTitle}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.quotas.target}</Table.Th>
                  <Table.Th>{t.quotas.period}</Table.Th>
                  <Table.Th ta="right">{t.quotas.amount}</Table.Th>
                  {manage && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {quotas.data.items.map((q) => (
                  <Table.Tr key={q.id}>
                    <Table.Td>
                      {q.targetName}{" "}
                      <Text span c="dimmed" size="sm">
                        ({q.targetType === "user" ? t.quotas.rep : t.quotas.team})
                      </Text>
                    </Table.Td>
                    <Table.Td>{q.period}</Table.Td>
                    <Table.Td ta="right">{formatMoney(q.amountMinor, q.currency)}</Table.Td>
                    {manage && (
                      <Table.Td ta="right">
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`${t.quotas.remove}: ${q.targetName} ${q.period}`}
                          onClick={() =>
                            remove.mutate(q.id, { onSuccess: () => notifySuccess(t.quotas.removed), onError: (e) => notifyError(e) })
                          }
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        )}
      </Stack>
    </>
  );
}
