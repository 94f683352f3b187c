import type { FieldInfo } from "@rapport/contract";
import { memo } from "react";
import { Link } from "react-router";
import { formatDate, formatDateTime } from "../../../platform/format/date";
import { formatNumber } from "../../../platform/format/number";
import { formatCustomValue } from "../components/CustomValue";
import { lifecycleColor, lifecycleLabel } from "../components/LifecycleBadge";
import { isEmptyValue } from "../custom-values";
import { type CustomerRecord, cellValue, recordPath } from "../record-types";
import { recordsTexts } from "../records.texts";
import classes from "./RecordTable.module.css";

type Props = {
  record: CustomerRecord;
  field: FieldInfo;
  nameOf: (userId: string | null | undefined) => string | undefined;
};

/**
 * One cell of a record list, formatted by the column's field type. Plain elements and CSS
 * classes only: thousands of these are mounted and unmounted while a long list scrolls.
 */
export const RecordCell = memo(function RecordCell({ record, field, nameOf }: Props) {
  const value = cellValue(record, field.key);
  if (isEmptyValue(value)) return <span className={classes.empty}>{recordsTexts.common.none}</span>;
  if (field.key === "lifecycleStage" && typeof value === "string") {
    return (
      <span
        className={classes.chip}
        style={
          {
            "--chip-color": `var(--mantine-color-${lifecycleColor(value)}-light-color)`,
            "--chip-bg": `var(--mantine-color-${lifecycleColor(value)}-light)`,
          } as React.CSSProperties
        }
      >
        {lifecycleLabel(value)}
      </span>
    );
  }
  if (field.key === "ownerId" && typeof value === "string") return <Truncated text={nameOf(value) ?? recordsTexts.common.unknownUser} />;
  if (field.key === "companyId" && Array.isArray(value)) {
    const companies = value as { companyId: string; name: string }[];
    return (
      <span className={classes.text}>
        {companies.map((c, i) => (
          <span key={c.companyId}>
            {i > 0 && ", "}
            <Link to={recordPath("company", c.companyId)} className={classes.link} tabIndex={-1}>
              {c.name}
            </Link>
          </span>
        ))}
      </span>
    );
  }
  if (field.key === "tags" && Array.isArray(value)) {
    return (
      <span className={classes.text} title={value.join(", ")}>
        {value.map((tag) => (
          <span key={String(tag)} className={classes.tag}>
            {String(tag)}
          </span>
        ))}
      </span>
    );
  }
  if (field.type === "date" && typeof value === "string") return <Truncated text={formatCustomValue({ type: "date" }, value)} />;
  if (field.type === "datetime" && typeof value === "string") return <Truncated text={formatDate(value)} title={formatDateTime(value)} />;
  if (typeof value === "number") return <Truncated text={formatNumber(value)} numeric />;
  if (Array.isArray(value)) return <Truncated text={value.map(String).join(", ")} />;
  const text = formatCustomValue({ type: "text" }, value);
  return <Truncated text={text} numeric={field.type === "number"} />;
});

function Truncated({ text, title, numeric = false }: { text: string; title?: string; numeric?: boolean }) {
  return (
    <span className={classes.text} title={title ?? text} data-numeric={numeric || undefined}>
      {text}
    </span>
  );
}
