import { Anchor, Group, Stack, Text } from "@mantine/core";
import type { Address, Company, Contact } from "@rapport/contract";
import { formatDate, formatDateTime } from "../../../platform/format/date";
import { formatNumber } from "../../../platform/format/number";
import { type RecordPatch, useUpdateRecord } from "../queries/records.queries";
import type { RecordPanelProps } from "../record-panels";
import { isContact } from "../record-types";
import { InlineList, InlineText } from "../record360/InlineEdit";
import { recordsTexts } from "../records.texts";
import classes from "./Panels.module.css";

const texts = recordsTexts.details;

/** The built-in fields of a person or company, each editable in place. */
export function DetailsPanel({ entityType, recordId, record, canEdit }: RecordPanelProps) {
  const update = useUpdateRecord(entityType, recordId);
  const save = (patch: RecordPatch) => update.mutateAsync(patch);
  return (
    <Stack gap="sm">
      <dl className={classes.fields}>
        {isContact(record) ? (
          <ContactFields contact={record} canEdit={canEdit} save={save} />
        ) : (
          <CompanyFields company={record} canEdit={canEdit} save={save} />
        )}
        <dt>{texts.source}</dt>
        <dd>
          <InlineText
            block
            label={texts.source}
            value={record.source}
            canEdit={canEdit}
            errorField="source"
            onSave={(source) => save({ source })}
          />
        </dd>
        {record.addresses[0] && (
          <>
            <dt>{texts.address}</dt>
            <dd>
              <Text size="sm" py={3} style={{ whiteSpace: "pre-line" }}>
                {formatAddress(record.addresses[0])}
              </Text>
            </dd>
          </>
        )}
        <dt>{texts.notes}</dt>
        <dd>
          <InlineText
            block
            label={texts.notes}
            value={record.notes}
            multiline
            canEdit={canEdit}
            errorField="notes"
            onSave={(notes) => save({ notes })}
          />
        </dd>
      </dl>
      <Text size="xs" c="dimmed" title={formatDateTime(record.updatedAt)}>
        {texts.created(formatDate(record.createdAt))} · {texts.updated(formatDate(record.updatedAt))}
      </Text>
    </Stack>
  );
}

type FieldsProps<R> = { canEdit: boolean; save: (patch: RecordPatch) => Promise<unknown> } & R;

function ContactFields({ contact, canEdit, save }: FieldsProps<{ contact: Contact }>) {
  return (
    <>
      <dt>{texts.emails}</dt>
      <dd>
        <InlineList
          block
          label={texts.emails}
          values={contact.emails}
          canEdit={canEdit}
          errorField="emails"
          displayHasLinks
          onSave={(emails) => save({ emails })}
          display={
            <Stack gap={2}>
              {contact.emails.map((email) => (
                <Anchor key={email} href={`mailto:${email}`} size="sm" style={{ overflowWrap: "anywhere" }}>
                  {email}
                </Anchor>
              ))}
            </Stack>
          }
        />
      </dd>
      <dt>{texts.phones}</dt>
      <dd>
        <PhoneList values={contact.phones} canEdit={canEdit} save={save} />
      </dd>
    </>
  );
}

function CompanyFields({ company, canEdit, save }: FieldsProps<{ company: Company }>) {
  const text = (label: string, key: "domain" | "industry" | "size" | "region" | "country", value: string | null) => (
    <>
      <dt>{label}</dt>
      <dd>
        <InlineText block label={label} value={value} canEdit={canEdit} errorField={key} onSave={(v) => save({ [key]: v })} />
      </dd>
    </>
  );
  return (
    <>
      {text(texts.domain, "domain", company.domain)}
      {text(texts.industry, "industry", company.industry)}
      {text(texts.size, "size", company.size)}
      <dt>{texts.employees}</dt>
      <dd>
        <InlineText
          block
          label={texts.employees}
          type="number"
          value={company.employees === null ? null : String(company.employees)}
          renderValue={(v) => <Text size="sm">{formatNumber(Number(v))}</Text>}
          canEdit={canEdit}
          errorField="employees"
          onSave={(v) => save({ employees: v === null ? null : Number(v) })}
        />
      </dd>
      {text(texts.region, "region", company.region)}
      {text(texts.country, "country", company.country)}
      <dt>{texts.phones}</dt>
      <dd>
        <PhoneList values={company.phones} canEdit={canEdit} save={save} />
      </dd>
    </>
  );
}

function PhoneList({ values, canEdit, save }: { values: string[]; canEdit: boolean; save: (patch: RecordPatch) => Promise<unknown> }) {
  return (
    <InlineList
      block
      label={texts.phones}
      values={values}
      canEdit={canEdit}
      errorField="phones"
      displayHasLinks
      onSave={(phones) => save({ phones })}
      display={
        <Group gap={8}>
          {values.map((phone) => (
            <Anchor key={phone} href={`tel:${phone}`} size="sm">
              {phone}
            </Anchor>
          ))}
        </Group>
      }
    />
  );
}

function formatAddress(a: Address): string {
  return [a.street, [a.postalCode, a.city].filter(Boolean).join(" "), [a.region, a.country].filter(Boolean).join(", ")]
    .filter((line) => line && line.trim() !== "")
    .join("\n");
}
