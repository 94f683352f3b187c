import { Button, Center, Checkbox, Loader, Text, UnstyledButton } from "@mantine/core";
import type { FieldInfo } from "@rapport/contract";
import { IconArrowDown, IconArrowUp, IconRestore } from "@tabler/icons-react";
import { useVirtualizer } from "@tanstack/react-virtual";
import { type KeyboardEvent, type MouseEvent, useEffect, useId, useRef, useState } from "react";
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

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget || rows.length === 0) return;
    const current = active ?? -1;
    const page = Math.max(1, Math.floor(height / ROW_HEIGHT) - 2);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(current + 1),
      ArrowUp: () => move(current <= 0 ? 0 : current - 1),
      PageDown: () => move(current + page),
      PageUp: () => move(current - page),
      Home: () => move(0),
      End: () => move(rows.length - 1),
      Enter: () => {
        const row = active !== null ? rows[active] : undefined;
        if (row) void navigate(recordPath(type, row.id));
      },
      " ": () => {
        const row = active !== null ? rows[active] : undefined;
        if (row && props.selectable) props.onToggle(row.id);
      },
    };
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };

  return (
    <div>
      <div
        ref={scrollRef}
        className={classes.scroller}
        style={{ height }}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the scrolling grid takes focus for arrow-key navigation
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={(e) => {
          if (e.target === e.currentTarget && active === null && rows.length > 0) setActive(0);
        }}
        aria-label={texts.keyboardHint}
      >
        <table
          className={classes.table}
          style={{ width: totalWidth }}
          role="grid"
          aria-label={props.label}
          aria-rowcount={hasMore ? -1 : rows.length + 1}
          aria-activedescendant={active !== null ? rowId(active) : undefined}
        >
          <colgroup>
            {props.selectable && <col style={{ width: CHECKBOX_WIDTH }} />}
            {columns.map((c) => (
              <col key={c.key} style={{ width: columnWidth(c) }} />
            ))}
            {props.onRestore && <col style={{ width: ACTIONS_WIDTH }} />}
          </colgroup>
          <thead>
            <tr aria-rowindex={1}>
              {props.selectable && (
                <th className={classes.stickyFirst}>
                  <Checkbox
                    size="xs"
                    aria-label={texts.selectAll}
                    checked={allSelected}
                    indeterminate={someSelected}
                    onChange={props.onToggleAll}
                    disabled={rows.length === 0}
                  />
                </th>
              )}
              {columns.map((column, i) => (
                <HeaderCell
                  key={column.key}
                  column={column}
                  sort={sort}
                  onSort={props.onSort}
                  className={i === 0 ? (props.selectable ? classes.stickySecond : classes.stickyFirst) : undefined}
                />
              ))}
              {props.onRestore && (
                <th>
                  <span className="visually-hidden">{recordsTexts.common.actions}</span>
                </th>
              )}
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
              const isSelected = selected.has(record.id);
              return (
                <tr
                  key={record.id}
                  id={rowId(item.index)}
                  className={classes.row}
                  aria-rowindex={item.index + 2}
                  aria-selected={props.selectable ? isSelected : undefined}
                  data-selected={isSelected || undefined}
                  data-active={active === item.index || undefined}
                  onClick={(e: MouseEvent) => {
                    // A click on the row (not on its link or checkbox) makes it the active row.
                    if ((e.target as HTMLElement).closest("a, button, input")) return;
                    setActive(item.index);
                  }}
                >
                  {props.selectable && (
                    <td className={classes.stickyFirst}>
                      <Checkbox
                        size="xs"
                        aria-label={texts.selectRow(record.name)}
                        checked={isSelected}
                        onChange={() => props.onToggle(record.id)}
                      />
                    </td>
                  )}
                  {columns.map((column, i) =>
                    column.key === "name" ? (
                      <td key={column.key} className={i === 0 ? (props.selectable ? classes.stickySecond : classes.stickyFirst) : undefined}>
                        <Link to={recordPath(type, record.id)} className={classes.nameLink} title={record.name}>
                          {record.name}
                        </Link>
                      </td>
                    ) : (
                      <td key={column.key}>
                        <RecordCell record={record} field={column} nameOf={props.nameOf} />
                      </td>
                    ),
                  )}
                  {props.onRestore && (
                    <td>
                      <Button
                        size="compact-xs"
                        variant="light"
                        leftSection={<IconRestore size={14} aria-hidden />}
                        aria-label={texts.restoreOne(record.name)}
                        onClick={() => props.onRestore?.(record)}
                      >
                        {texts.restore}
                      </Button>
                    </td>
                  )}
                </tr>
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
  if (!column.sortable) {
    return (
      <th className={className} title={column.label}>
        {column.label}
      </th>
    );
  }
  const Arrow = state?.direction === "descending" ? IconArrowDown : IconArrowUp;
  return (
    <th className={className} aria-sort={primary ? state.direction : undefined}>
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
