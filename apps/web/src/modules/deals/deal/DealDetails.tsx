import { Text } from "@mantine/core";
import type { Deal } from "@rapport/contract";
import { formatMoney } from "../../../platform/format/number";
import { CompanySelect } from "../../records/components/CompanySelect";
import { UserSelect } from "../../records/components/UserSelect";
import classes from "../../records/panels/Panels.module.css";
import { useUserDirectory } from "../../records/queries/users.queries";
import { InlineEdit, InlineText } from "../../records/record360/InlineEdit";
import { CurrencySelect } from "../../settings/components/CurrencySelect";
import { MoneyInput } from "../components/MoneyInput";
import { dealsTexts } from "../deals.texts";
import { formatDay } from "../format-day";
import { useUpdateDeal } from "../queries/deals.queries";

const texts = dealsTexts.details;
const none = (
  <Text span size="sm" c="dimmed">
    {dealsTexts.common.none}
  </Text>
);

/** The deal's fields, each edited in place (click, change, Enter or leave the field to save). */
export function DealDetails({ deal, canEdit }: { deal: Deal; canEdit: boolean }) {
  const update = useUpdateDeal(deal.id);
  const { nameOf } = useUserDirectory();
  const save = (body: Parameters<typeof update.mutateAsync>[0]) => update.mutateAsync(body);
  const text = (label: string, key: "source" | "campaign" | "region") => (
    <>
      <dt>{label}</dt>
      <dd>
        <InlineText block label={label} value={deal[key]} canEdit={canEdit} errorField={key} onSave={(v) => save({ [key]: v })} />
      </dd>
    </>
  );
  return (
    <dl className={classes.fields}>
      <dt>{texts.amount}</dt>
      <dd>
        <InlineEdit<number | null>
          block
          label={texts.amount}
          canEdit={canEdit && !deal.amountFromLineItems}
          errorField="amountMinor"
          initial={() => deal.amountMinor}
          onSave={(v) => save({ amountMinor: v ?? 0 })}
          display={
            <Text span size="sm">
              {formatMoney(deal.amountMinor, deal.currency)}
              {deal.amountFromLineItems && (
                <Text span size="xs" c="dimmed">
                  {" "}
                  ({texts.amountFromItems})
                </Text>
              )}
            </Text>
          }
          editor={(api) => (
            <MoneyInput
              aria-label={texts.amount}
              autoFocus
              size="xs"
              currency={deal.currency}
              value={api.value}
              onChange={api.setValue}
              onKeyDown={api.onKeyDown}
              error={api.error}
              disabled={api.saving}
            />
          )}
        />
      </dd>
      <dt>{texts.currency}</dt>
      <dd>
        <InlineEdit<string>
          block
          label={texts.currency}
          canEdit={canEdit && deal.lineItems.length === 0}
          errorField="currency"
          initial={() => deal.currency}
          onSave={(v) => save({ currency: v })}
          saveOnBlur={false}
          display={
            <Text span size="sm">
              {deal.currency}
            </Text>
          }
          editor={(api) => (
            <CurrencySelect
              aria-label={texts.currency}
              size="xs"
              value={api.value}
              onChange={(v) => api.commit(v)}
              error={api.error}
              comboboxProps={{ withinPortal: true }}
            />
          )}
        />
      </dd>
      <dt>{texts.close}</dt>
      <dd>
        <InlineText
          block
          label={texts.close}
          value={deal.expectedCloseDate}
          canEdit={canEdit}
          errorField="expectedCloseDate"
          renderValue={(v) => <Text size="sm">{formatDay(v)}</Text>}
          onSave={(v) => save({ expectedCloseDate: v })}
          type="date"
        />
      </dd>
      <dt>{texts.owner}</dt>
      <dd>
        <InlineEdit<string | null>
          block
          label={texts.owner}
          canEdit={canEdit}
          errorField="ownerId"
          initial={() => deal.ownerId}
          onSave={(v) => save({ ownerId: v })}
          saveOnBlur={false}
          display={
            deal.ownerId ? (
              <Text span size="sm">
                {nameOf(deal.ownerId) ?? dealsTexts.common.unknownUser}
              </Text>
            ) : (
              none
            )
          }
          editor={(api) => (
            <UserSelect aria-label={texts.owner} size="xs" allowNone value={api.value} onChange={(v) => api.commit(v)} error={api.error} />
          )}
        />
      </dd>
      <dt>{texts.company}</dt>
      <dd>
        <InlineEdit<string | null>
          block
          label={texts.company}
          canEdit={canEdit}
          errorField="companyId"
          initial={() => deal.companyId}
          onSave={(v) => save({ companyId: v })}
          saveOnBlur={false}
          display={
            deal.companyName ? (
              <Text span size="sm">
                {deal.companyName}
              </Text>
            ) : (
              none
            )
          }
          editor={(api) => (
            <CompanySelect
              aria-label={texts.company}
              size="xs"
              value={api.value}
              valueLabel={deal.companyName ?? undefined}
              onChange={(id) => api.commit(id)}
              error={api.error}
            />
          )}
        />
      </dd>
      {text(texts.source, "source")}
      {text(texts.campaign, "campaign")}
      {text(texts.region, "region")}
    </dl>
  );
}
