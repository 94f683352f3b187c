import { Anchor, Divider, Group, Stack, Text, ThemeIcon } from "@mantine/core";
import { type Deal, type Interaction, interactionEndpoints } from "@rapport/contract";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { apiCall } from "../../../platform/api/api-client";
import { ErrorState } from "../../../platform/feedback/ErrorState";
import { formatDateTime, formatRelativeTime } from "../../../platform/format/date";
import { recordPath } from "../../records/record-types";
import { Composer } from "../../records/timeline/Composer";
import { InteractionBody } from "../../records/timeline/InteractionBody";
import { interactionLook } from "../../records/timeline/interaction-types";
import { dealsTexts } from "../deals.texts";
import { dealKeys } from "../queries/deals.keys";

const texts = dealsTexts.timeline;
const PER_PARTY = 10;

type Party = { kind: "company" | "contact"; id: string; name: string };

/**
 * Interactions are not linked to deals: what a user expects here is the conversation with the
 * deal's company and people, so this merges their latest interactions (newest first) and says
 * so. A call or note logged here is about the deal's company and people.
 */
export function DealTimeline({ deal, canEdit }: { deal: Deal; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const parties: Party[] = [
    ...(deal.companyId ? [{ kind: "company" as const, id: deal.companyId, name: deal.companyName ?? "" }] : []),
    ...deal.contacts.map((c) => ({ kind: "contact" as const, id: c.contactId, name: c.name })),
  ];
  const timeline = useQuery({
    queryKey: dealKeys.timeline(
      deal.id,
      parties.map((p) => p.id),
    ),
    queryFn: async ({ signal }) => {
      const pages = await Promise.all(
        parties.map((p) =>
          apiCall(interactionEndpoints.list, {
            query: { limit: PER_PARTY, ...(p.kind === "company" ? { companyId: p.id } : { contactId: p.id }) },
            signal,
          }).then((page) => page.items.map((item) => ({ item, party: p }))),
        ),
      );
      const seen = new Map<string, { item: Interaction; parties: Party[] }>();
      for (const { item, party } of pages.flat()) {
        const entry = seen.get(item.id);
        if (entry) entry.parties.push(party);
        else seen.set(item.id, { item, parties: [party] });
      }
      return [...seen.values()].sort((a, b) => b.item.occurredAt.localeCompare(a.item.occurredAt));
    },
    enabled: parties.length > 0,
    meta: { notifyErrors: false },
  });

  return (
    <Stack gap="sm">
      {canEdit && parties.length > 0 && (
        <>
          <Composer
            parties={{
              companyIds: parties.filter((p) => p.kind === "company").map((p) => p.id),
              contactIds: parties.filter((p) => p.kind === "contact").map((p) => p.id),
            }}
            onLogged={() => void queryClient.invalidateQueries({ queryKey: dealKeys.timelines(deal.id) })}
          />
          <Divider />
        </>
      )}
      <Text size="xs" c="dimmed">
        {texts.description}
      </Text>
      {parties.length === 0 ? (
        <Text size="sm" c="dimmed">
          {texts.noParties}
        </Text>
      ) : timeline.isPending ? (
        <Text size="sm" c="dimmed">
          {dealsTexts.common.loading}
        </Text>
      ) : timeline.isError ? (
        <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : timeline.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {texts.empty}
        </Text>
      ) : (
        <Stack gap="sm" component="ol" style={{ listStyle: "none", margin: 0, padding: 0 }}>
          {timeline.data.map(({ item, parties: of }) => {
            const look = interactionLook[item.type as keyof typeof interactionLook];
            const Icon = look?.icon;
            return (
              <li key={item.id}>
                <Group gap="sm" align="flex-start" wrap="nowrap">
                  <ThemeIcon variant="light" color={look?.color ?? "gray"} radius="xl" size="md" aria-hidden>
                    {Icon ? <Icon size={14} /> : null}
                  </ThemeIcon>
                  <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                    <Group gap={6} wrap="wrap">
                      <Text size="sm" fw={500}>
                        {item.subject ?? item.type}
                      </Text>
                      <Text size="xs" c="dimmed" title={formatDateTime(item.occurredAt)}>
                        {formatRelativeTime(item.occurredAt)}
                      </Text>
                      {of.map((p) => (
                        <Anchor key={p.id} component={Link} to={recordPath(p.kind, p.id)} size="xs">
                          {texts.with(p.name)}
                        </Anchor>
                      ))}
                    </Group>
                    {item.body && <InteractionBody body={item.body} />}
                  </Stack>
                </Group>
              </li>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
