import { Anchor, Badge, Group, Text } from "@mantine/core";
import type { FieldInfo } from "@rapport/contract";
import { Link } from "react-router";
import { formatDate, formatDateTime } from "../../../platform/format/date";
import { formatNumber } from "../../../platform/format/number";
import { LifecycleBadge } from "../components/LifecycleBadge";
import { formatCustomValue } from "../components/CustomValue";
import { isEmptyValue } from "../custom-values";
import { type CustomerRecord, cellValue, recordPath } from "../record-types";
import { recordsTexts } from "../records.texts";

type Props = {
  record: CustomerRecord;
  field: FieldInfo;
  nameOf: (userId: string | null | undefined) => string | undefined;
};

const none = (
  <Text span size="sm" c="dimmed">
    {recordsTexts.common.none}
  </Text>
);

/** One cell of a record list, formatted by the column's field type. */
export function RecordCell({ record, field, nameOf }: Props) {
  const value = cellValue(record, field.key);
  if (field.key === "name") return null; // drawn by the row (it is the link)
  if (isEmptyValue(value)) return none;
  if (field.key === "lifecycleStage" && typeof value === "string") return <LifecycleBadge stage={value} size="sm" />;
  if (field.key === "ownerId" && typeof value === "string") {
    return <Truncated text={nameOf(value) ?? recordsTexts.common.unknownUser} />;
  }
  if (field.key === "companyId" && Array.isArray(value)) {
    const companies = value as { companyId: string; name: string }[];
    return (
      <Text size="sm" truncate>
        {companies.map((c, i) => (
          <span key={c.companyId}>
            {i > 0 && ", "}
            <Anchor component={Link} to={recordPath("company", c.companyId)} size="sm" tabIndex={-1}>
              {c.name}
            </Anchor>
          </span>
        ))}
      </Text>
    );
  }
  if (field.key === "tags" && Array.isArray(value)) {
    return (
      <Group gap={4} wrap="nowrap" style={{ overflow: "hidden" }} title={value.join(", ")}>
        {value.map((tag) => (
          <Badge key={String(tag)} variant="default" radius="sm" size="sm" style={{ textTransform: "none" }}>
            {String(tag)}
          </Badge>
        ))}
      </Group>
    );
  }
  if ((field.type === "datetime" || field.type === "date") && typeof value === "string") {
    if (field.type === "date") return <Truncated text={formatCustomValue({ type: "date" }, value)} />;
    return <Truncated text={formatDate(value)} title={formatDateTime(value)} />;
  }
  if (typeof value === "number") return <Truncated text={formatNumber(value)} align="right" />;
  if (Array.isArray(value)) return <Truncated text={value.map(String).join(", ")} />;
  return <Truncated text={formatCustomValue({ type: "text" }, value)} />;
}

function Truncated({ text, title, align }: { text: string; title?: string; align?: "right" }) {
  return (
    <Text size="sm" truncate title={title ?? text} ta={align}>
      {text}
    </Text>
  );
}
