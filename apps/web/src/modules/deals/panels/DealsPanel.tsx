import { Anchor, Badge, Button, Group, Stack, Text } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { Link } from "react-router";
import { ErrorState } from "../../../platform/feedback/ErrorState";
import { formatMoney } from "../../../platform/format/number";
import type { RecordPanelProps } from "../../records/record-panels";
import { dealsTexts } from "../deals.texts";
import { formatDay } from "../format-day";
import { useRelatedDeals } from "../queries/deals.queries";
import { usePipelines } from "../queries/pipelines.queries";

const texts = dealsTexts.panel;

/** The deals of a company, or the deals a person takes part in: open ones first, with stage and amount. */
export function DealsPanel({ entityType, recordId, record, canEdit }: RecordPanelProps) {
  const field = entityType === "company" ? "companyId" : "contactId";
  const deals = useRelatedDeals(field, recordId);
  const pipelines = usePipelines("all");
  const stageName = new Map((pipelines.data ?? []).flatMap((p) => p.stages.map((s) => [s.id, s.name] as const)));
  const newDealPath = `/deals?new=1&${entityType === "company" ? "forCompany" : "forContact"}=${encodeURIComponent(recordId)}`;

  if (deals.isPending)
    return (
      <Text size="sm" c="dimmed">
        {dealsTexts.common.loading}
      </Text>
    );
  if (deals.isError) return <ErrorState error={deals.error} onRetry={() => void deals.refetch()} />;
  const items = [...deals.data.items].sort((a, b) => Number(a.status !== "open") - Number(b.status !== "open"));
  const openValue = new Map<string, number>();
  for (const d of items) if (d.status === "open") openValue.set(d.currency, (openValue.get(d.currency) ?? 0) + d.amountMinor);

  return (
    <Stack gap="xs">
      {openValue.size > 0 && (
        <Text size="sm">
          <Text span c="dimmed" size="sm">
            {texts.openValue}:{" "}
          </Text>
          {[...openValue].map(([currency, minor]) => formatMoney(minor, currency)).join(" · ")}
        </Text>
      )}
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {texts.empty}
        </Text>
      ) : (
        <Stack gap={6} component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
          {items.map((deal) => (
            <li key={deal.id}>
              <Group justify="space-between" gap={6} wrap="nowrap" align="flex-start">
                <div style={{ minWidth: 0 }}>
                  <Anchor component={Link} to={`/deals/${deal.id}`} size="sm" fw={500}>
                    {deal.name}
                  </Anchor>
                  <Text size="xs" c="dimmed" truncate>
                    {[
                      stageName.get(deal.stageId),
                      deal.expectedCloseDate ? formatDay(deal.expectedCloseDate) : null,
                      entityType === "contact" ? deal.contacts.find((c) => c.contactId === recordId)?.role : null,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </Text>
                </div>
                <Stack gap={2} align="flex-end">
                  <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                    {formatMoney(deal.amountMinor, deal.currency)}
                  </Text>
                  {deal.status !== "open" && (
                    <Badge size="xs" variant="light" color={deal.status === "won" ? "teal" : "red"}>
                      {dealsTexts.status[deal.status]}
                    </Badge>
                  )}
                </Stack>
              </Group>
            </li>
          ))}
        </Stack>
      )}
      {canEdit && (
        <Button
          component={Link}
          to={`${newDealPath}&forName=${encodeURIComponent(record.name)}`}
          variant="subtle"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          style={{ alignSelf: "flex-start" }}
        >
          {texts.newDeal}
        </Button>
      )}
    </Stack>
  );
}
