import { Button, Center, Loader, Text, UnstyledButton, VisuallyHidden } from "@mantine/core";
import type { FieldInfo } from "@rapport/contract";
import { IconArrowDown, IconArrowUp, IconRestore } from "@tabler/icons-react";
import { useVirtualizer } from "@tanstack/react-virtual";
import { Fragment, type KeyboardEvent, type MouseEvent, memo, useEffect, useId, useRef, useState } from "react";
import { Link, useNavigate } from "react-router";
import { type CustomerRecord, type RecordType, recordPath } from "../record-types";
import { recordsTexts } from "../records.texts";
import { ACTIONS_WIDTH, CHECKBOX_WIDTH, columnWidth } from "./column-widths";
import { RecordCell } from "./RecordCell";
import classes from "./RecordTable.module.css";
import { type SortKey, sortStateOf } from "./sort";

const texts = recordsTexts.list;
const ROW_HEIGHT = 40;
/** Start loading the next page this many rows before the end. */
const PREFETCH_ROWS = 30;

type Props = {
  type: RecordType;
  label: string;
  columns: FieldInfo[];
  rows: CustomerRecord[];
  sort: SortKey[];
  onSort: (field: string, additive: boolean) => void;
  selectable: boolean;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onToggleAll: () => void;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  /** In the trash each row gets a Restore button. */
  onRestore?: ((record: CustomerRecord) => void) | undefined;
  nameOf: (userId: string | null | undefined) => string | undefined;
  height: number;
};

/**
 * A record list that stays fast with tens of thousands of loaded rows: only the rows in view
 * (plus a margin) are in the DOM. A real <table> (role grid) with a sticky header; ↑/↓ move
 * the active row, Enter opens it, Space selects it. Scrolling near the end loads the next page.
 */
export function RecordTable(props: Props) {
  const { type, columns, rows, sort, selected, hasMore, loadingMore, onLoadMore, height } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  const idPrefix = useId();
  const [active, setActive] = useState<number | null>(null);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= rows.length - PREFETCH_ROWS) onLoadMore();
  }, [lastIndex, rows.length, hasMore, loadingMore, onLoadMore]);

  // A new list (other filters, sort, view) starts without an active row.
  useEffect(() => {
    if (active !== null && active >= rows.length) setActive(rows.length > 0 ? rows.length - 1 : null);
  }, [rows.length, active]);

  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const someSelected = !allSelected && rows.some((r) => selected.has(r.id));
  const totalWidth =
    (props.selectable ? CHECKBOX_WIDTH : 0) + columns.reduce((sum, c) => sum + columnWidth(c), 0) + (props.onRestore ? ACTIONS_WIDTH : 0);
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;
  const colCount = columns.length + (props.selectable ? 1 : 0) + (props.onRestore ? 1 : 0);
  const rowId = (index: number) => `${idPrefix}-row-${index}`;

  const move = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: "auto" });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (event.target !== event.currentTarget || rows.length === 0) return;
    const current = active ?? -1;
    const page = Math.max(1, Math.floor(height / ROW_HEIGHT) - 2);
    let handled = true;
    switch (event.key) {
      case "ArrowDown":
        move(current + 1);
        break;
      case "ArrowUp":
        move(current <= 0 ? 0 : current - 1);
        break;
      case "PageDown":
        move(current + page);
        break;
      case "PageUp":
        move(current - page);
        break;
      case "Home":
        move(0);
        break;
      case "End":
        move(rows.length - 1);
        break;
      case "Enter": {
        const row = active !== null ? rows[active] : undefined;
        if (row) void navigate(recordPath(type, row.id));
        break;
      }
      case " ": {
        const row = active !== null ? rows[active] : undefined;
        if (row && props.selectable) props.onToggle(row.id);
        break;
      }
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  };

  return (
    <div>
      <div ref={scrollRef} className={classes.scroller} style={{ height }}>
        <VisuallyHidden id={`${idPrefix}-hint`}>{texts.keyboardHint}</VisuallyHidden>
        <table
          className={classes.table}
          style={{ width: totalWidth }}
          // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the ARIA grid pattern on a real table (arrow keys move the active row)
          role="grid"
          tabIndex={0}
          onKeyDown={onKeyDown}
          onFocus={(e) => {
            if (e.target === e.currentTarget && active === null && rows.length > 0) setActive(0);
          }}
          aria-label={props.label}
          aria-describedby={`${idPrefix}-hint`}
          aria-rowcount={hasMore ? -1 : rows.length + 1}
          aria-activedescendant={active !== null ? rowId(active) : undefined}
        >
          <colgroup>
            {props.selectable && <col style={{ width: CHECKBOX_WIDTH }} />}
            {columns.map((c, i) => (
              <Fragment key={c.key}>
                <col style={{ width: columnWidth(c) }} />
                {i === 0 && props.onRestore && <col style={{ width: ACTIONS_WIDTH }} />}
              </Fragment>
            ))}
          </colgroup>
          <thead>
            <tr aria-rowindex={1}>
              {props.selectable && (
                <th className={classes.stickyFirst}>
                  <input
                    type="checkbox"
                    className={classes.checkbox}
                    aria-label={texts.selectAll}
                    checked={allSelected}
                    ref={(el) => {
                      if (el) el.indeterminate = someSelected;
                    }}
                    onChange={props.onToggleAll}
                    disabled={rows.length === 0}
                  />
                </th>
              )}
              {columns.map((column, i) => (
                <Fragment key={column.key}>
                  <HeaderCell
                    column={column}
                    sort={sort}
                    onSort={props.onSort}
                    className={i === 0 ? (props.selectable ? classes.stickySecond : classes.stickyFirst) : undefined}
                  />
                  {i === 0 && props.onRestore && (
                    <th>
                      <VisuallyHidden>{recordsTexts.common.actions}</VisuallyHidden>
                    </th>
                  )}
                </Fragment>
              ))}
            </tr>
          </thead>
          <tbody>
            {paddingTop > 0 && (
              <tr className={classes.spacer} aria-hidden>
                <td colSpan={colCount} style={{ height: paddingTop }} />
              </tr>
            )}
            {items.map((item) => {
              const record = rows[item.index];
              if (!record) return null;
              return (
                <Row
                  key={record.id}
                  id={rowId(item.index)}
                  index={item.index}
                  type={type}
                  record={record}
                  columns={columns}
                  selectable={props.selectable}
                  selected={selected.has(record.id)}
                  active={active === item.index}
                  onToggle={props.onToggle}
                  onActivate={setActive}
                  onRestore={props.onRestore}
                  nameOf={props.nameOf}
                />
              );
            })}
            {paddingBottom > 0 && (
              <tr className={classes.spacer} aria-hidden>
                <td colSpan={colCount} style={{ height: paddingBottom }} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <Center mih={44} py={6}>
        {loadingMore ? (
          <Loader size="sm" aria-label={texts.loadingMore} />
        ) : hasMore ? (
          <Button variant="subtle" size="xs" onClick={onLoadMore}>
            {recordsTexts.common.loadMore}
          </Button>
        ) : (
          <Text size="xs" c="dimmed">
            {texts.loaded(rows.length, false)}
          </Text>
        )}
      </Center>
    </div>
  );
}

function HeaderCell({
  column,
  sort,
  onSort,
  className,
}: {
  column: FieldInfo;
  sort: SortKey[];
  onSort: (field: string, additive: boolean) => void;
  className: string | undefined;
}) {
  const state = sortStateOf(sort, column.key);
  const primary = state?.position === 1;
  const numeric = column.type === "number";
  if (!column.sortable) {
    return (
      <th className={className} title={column.label} style={numeric ? { textAlign: "right" } : undefined}>
        {column.label}
      </th>
    );
  }
  const Arrow = state?.direction === "descending" ? IconArrowDown : IconArrowUp;
  return (
    <th className={className} aria-sort={primary ? state.direction : undefined} style={numeric ? { textAlign: "right" } : undefined}>
      <UnstyledButton
        className={classes.sortButton}
        data-sorted={state ? true : undefined}
        onClick={(e: MouseEvent) => onSort(column.key, e.shiftKey)}
        title={texts.sortHint}
        aria-label={
          state
            ? `${texts.sortBy(column.label)} (${state.direction}${sort.length > 1 ? `, ${texts.sortPosition(state.position)}` : ""})`
            : texts.sortBy(column.label)
        }
      >
        <span className={classes.sortLabel}>{column.label}</span>
        {state && <Arrow size={12} aria-hidden />}
        {state && sort.length > 1 && <span className={classes.sortPosition}>{state.position}</span>}
      </UnstyledButton>
    </th>
  );
}

type RowProps = {
  id: string;
  index: number;
  type: RecordType;
  record: CustomerRecord;
  columns: FieldInfo[];
  selectable: boolean;
  selected: boolean;
  active: boolean;
  onToggle: (id: string) => void;
  onActivate: (index: number) => void;
  onRestore: ((record: CustomerRecord) => void) | undefined;
  nameOf: (userId: string | null | undefined) => string | undefined;
};

/** One row; memoised, so scrolling renders only the rows that come into view. */
const Row = memo(function Row({
  id,
  index,
  type,
  record,
  columns,
  selectable,
  selected,
  active,
  onToggle,
  onActivate,
  onRestore,
  nameOf,
}: RowProps) {
  return (
    <tr
      id={id}
      className={classes.row}
      aria-rowindex={index + 2}
      aria-selected={selectable ? selected : undefined}
      data-selected={selected || undefined}
      data-active={active || undefined}
      onClick={(e: MouseEvent) => {
        // A click on the row (not on its link or checkbox) makes it the active row.
        if ((e.target as HTMLElement).closest("a, button, input")) return;
        onActivate(index);
      }}
    >
      {selectable && (
        <td className={classes.stickyFirst}>
          <input
            type="checkbox"
            className={classes.checkbox}
            aria-label={texts.selectRow(record.name)}
            checked={selected}
            onChange={() => onToggle(record.id)}
          />
        </td>
      )}
      {columns.map((column, i) => (
        <Fragment key={column.key}>
          {column.key === "name" ? (
            <td className={i === 0 ? (selectable ? classes.stickySecond : classes.stickyFirst) : undefined}>
              <Link to={recordPath(type, record.id)} className={classes.nameLink} title={record.name}>
                {record.name}
              </Link>
            </td>
          ) : (
            <td>
              <RecordCell record={record} field={column} nameOf={nameOf} />
            </td>
          )}
          {i === 0 && onRestore && (
            <td>
              <Button
                size="compact-xs"
                variant="light"
                leftSection={<IconRestore size={14} aria-hidden />}
                aria-label={texts.restoreOne(record.name)}
                onClick={() => onRestore(record)}
              >
                {texts.restore}
              </Button>
            </td>
          )}
        </Fragment>
      ))}
    </tr>
  );
});
