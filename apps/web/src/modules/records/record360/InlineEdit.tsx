import { ActionIcon, Group, Loader, Select, Stack, TagsInput, Text, Textarea, TextInput, UnstyledButton } from "@mantine/core";
import { IconCheck, IconPencil, IconX } from "@tabler/icons-react";
import { type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from "react";
import { isApiError } from "../../../platform/api/api-error";
import { fieldError } from "../../../platform/api/field-errors";
import { recordsTexts } from "../records.texts";
import classes from "./InlineEdit.module.css";

const texts = recordsTexts.inline;

export type EditorApi<T> = {
  value: T;
  setValue: (value: T) => void;
  /** Saves (the given value, or the current draft). */
  commit: (value?: T) => void;
  cancel: () => void;
  /** Enter saves, Escape cancels: for single-line inputs. */
  onKeyDown: (event: KeyboardEvent) => void;
  saving: boolean;
  error: string | undefined;
  label: string;
};

type Props<T> = {
  /** The field's name, for the accessible label ("Edit Title") and the input's label. */
  label: string;
  /** What is shown when not editing. */
  display: ReactNode;
  canEdit: boolean;
  /** The draft when editing starts. */
  initial: () => T;
  /** Saves the value; rejects with the API error, whose message for `errorField` is shown. */
  onSave: (value: T) => Promise<unknown>;
  /** The field name in the API's validation errors (e.g. "title", "custom.tier"). */
  errorField: string;
  editor: (api: EditorApi<T>) => ReactNode;
  /** Saves when the input loses focus (single values); otherwise Save/Cancel buttons are shown. */
  saveOnBlur?: boolean;
  /** Equal drafts are not saved. Defaults to comparing JSON. */
  equals?: (a: T, b: T) => boolean;
  /**
   * The display contains links (emails, phones): it cannot sit inside the edit button, so a
   * separate pencil button starts editing.
   */
  displayHasLinks?: boolean;
  /** Span the available width (in field lists); otherwise as wide as the value (in the header). */
  block?: boolean;
};

/**
 * Click to edit: the value turns into an input; Enter (or leaving the field) saves through
 * PATCH, Escape cancels, and the server's message for the field shows under the input.
 */
export function InlineEdit<T>({
  label,
  display,
  canEdit,
  initial,
  onSave,
  errorField,
  editor,
  saveOnBlur = true,
  equals,
  displayHasLinks = false,
  block = false,
}: Props<T>) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<T>(initial);
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const finished = useRef(false);
  const inFlight = useRef(false);
  const wasEditing = useRef(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const same = equals ?? ((a: T, b: T) => JSON.stringify(a) === JSON.stringify(b));

  useEffect(() => {
    if (!editing && wasEditing.current) buttonRef.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  if (!canEdit) return <div className={classes.readOnly}>{display}</div>;

  const start = () => {
    setDraft(initial());
    setError(undefined);
    finished.current = false;
    setEditing(true);
  };
  const cancel = () => {
    if (inFlight.current) return;
    finished.current = true;
    setEditing(false);
  };
  const commit = (value: T = draft) => {
    if (finished.current) return;
    if (same(value, initial())) {
      cancel();
      return;
    }
    finished.current = true;
    inFlight.current = true;
    setSaving(true);
    onSave(value)
      .then(() => {
        inFlight.current = false;
        setEditing(false);
      })
      .catch((e: unknown) => {
        inFlight.current = false;
        finished.current = false;
        setError(fieldError(e, errorField) ?? (isApiError(e) && e.hasFieldErrors ? Object.values(e.fieldErrors)[0] : texts.saveFailed));
      })
      .finally(() => setSaving(false));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      cancel();
    } else if (event.key === "Enter" && !event.shiftKey && !(event.target instanceof HTMLTextAreaElement)) {
      event.preventDefault();
      commit();
    }
  };

  if (!editing && displayHasLinks) {
    return (
      <Group gap={4} wrap="nowrap" align="flex-start" className={classes.withLinks}>
        <div className={classes.value}>{display}</div>
        <ActionIcon ref={buttonRef} variant="subtle" color="gray" size="sm" aria-label={texts.edit(label)} onClick={start}>
          <IconPencil size={14} aria-hidden />
        </ActionIcon>
      </Group>
    );
  }

  if (!editing) {
    return (
      <UnstyledButton
        ref={buttonRef}
        className={classes.display}
        data-block={block || undefined}
        onClick={start}
        aria-label={texts.edit(label)}
      >
        <span className={classes.value}>{display}</span>
        <IconPencil size={14} className={classes.pencil} aria-hidden />
      </UnstyledButton>
    );
  }

  const api: EditorApi<T> = { value: draft, setValue: setDraft, commit, cancel, onKeyDown, saving, error, label };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: focus leaving the editor (any of its inputs) saves; it is not a control itself
    <div
      className={classes.editor}
      onBlur={(event) => {
        // Leaving the whole editor (not moving between its parts, nor into a dropdown) saves.
        if (!saveOnBlur || saving) return;
        const next = event.relatedTarget as Node | null;
        if (next && event.currentTarget.contains(next)) return;
        if (next instanceof HTMLElement && next.closest("[data-combobox-dropdown], .mantine-Popover-dropdown, .mantine-Combobox-dropdown"))
          return;
        commit();
      }}
    >
      {saveOnBlur ? (
        editor(api)
      ) : (
        <Stack gap={4}>
          {editor(api)}
          <Group gap={4} justify="flex-end">
            {saving && <Loader size={14} aria-label={texts.saving} />}
            <ActionIcon size="sm" variant="default" aria-label={texts.cancel(label)} onClick={cancel}>
              <IconX size={14} aria-hidden />
            </ActionIcon>
            <ActionIcon size="sm" aria-label={texts.save(label)} onClick={() => commit()} loading={saving}>
              <IconCheck size={14} aria-hidden />
            </ActionIcon>
          </Group>
        </Stack>
      )}
    </div>
  );
}

const dimmed = (text: string) => (
  <Text span size="sm" c="dimmed">
    {text}
  </Text>
);

/** A single-line (or multi-line) text field. Empty text saves null. */
export function InlineText({
  label,
  value,
  canEdit,
  onSave,
  errorField,
  placeholder,
  multiline = false,
  type = "text",
  renderValue,
  size = "sm",
  block = false,
}: {
  block?: boolean;
  label: string;
  value: string | null | undefined;
  canEdit: boolean;
  onSave: (value: string | null) => Promise<unknown>;
  errorField: string;
  placeholder?: string;
  multiline?: boolean;
  type?: "text" | "email" | "url" | "tel" | "number" | "date";
  renderValue?: (value: string) => ReactNode;
  size?: "sm" | "md" | "lg";
}) {
  const shown = value ?? "";
  return (
    <InlineEdit<string>
      label={label}
      block={block}
      canEdit={canEdit}
      errorField={errorField}
      initial={() => shown}
      onSave={(v) => onSave(v.trim() === "" ? null : v.trim())}
      display={
        shown
          ? (renderValue?.(shown) ?? (
              <Text span size={size} style={{ whiteSpace: multiline ? "pre-wrap" : undefined, overflowWrap: "anywhere" }}>
                {shown}
              </Text>
            ))
          : dimmed(canEdit ? (placeholder ?? texts.add(label)) : recordsTexts.common.none)
      }
      editor={(api) =>
        multiline ? (
          <Textarea
            aria-label={label}
            autoFocus
            autosize
            minRows={3}
            maxRows={12}
            value={api.value}
            onChange={(e) => api.setValue(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                api.commit();
              } else api.onKeyDown(e);
            }}
            error={api.error}
            disabled={api.saving}
            description={texts.multilineHint}
            size="sm"
          />
        ) : (
          <TextInput
            aria-label={label}
            autoFocus
            type={type}
            value={api.value}
            onChange={(e) => api.setValue(e.currentTarget.value)}
            onKeyDown={api.onKeyDown}
            error={api.error}
            disabled={api.saving}
            rightSection={api.saving ? <Loader size={14} aria-label={texts.saving} /> : undefined}
            size={size === "lg" ? "md" : "sm"}
          />
        )
      }
    />
  );
}

/** One value from a list; choosing saves at once. */
export function InlineSelect({
  label,
  value,
  display,
  data,
  canEdit,
  onSave,
  errorField,
  clearable = false,
}: {
  label: string;
  value: string | null;
  display: ReactNode;
  data: { value: string; label: string }[];
  canEdit: boolean;
  onSave: (value: string | null) => Promise<unknown>;
  errorField: string;
  clearable?: boolean;
}) {
  return (
    <InlineEdit<string | null>
      label={label}
      canEdit={canEdit}
      errorField={errorField}
      initial={() => value}
      onSave={onSave}
      display={display}
      editor={(api) => (
        <Select
          aria-label={label}
          autoFocus
          defaultDropdownOpened
          data={data}
          value={api.value}
          searchable={data.length > 8}
          clearable={clearable}
          onChange={(v) => {
            api.setValue(v);
            api.commit(v);
          }}
          onKeyDown={(e) => {
            if (e.key === "Escape") api.cancel();
          }}
          onDropdownClose={() => {
            // Closing the list without a choice (Escape, click outside) ends editing.
            if (!api.saving) setTimeout(api.cancel, 0);
          }}
          error={api.error}
          disabled={api.saving}
          comboboxProps={{ withinPortal: true }}
          size="xs"
          w={200}
        />
      )}
      saveOnBlur={false}
    />
  );
}

/** A list of short values (tags, emails, phones): Enter adds one, Save stores the list. */
export function InlineList({
  label,
  values,
  display,
  canEdit,
  onSave,
  errorField,
  suggestions,
  displayHasLinks = false,
  block = false,
}: {
  label: string;
  block?: boolean;
  displayHasLinks?: boolean;
  values: string[];
  display: ReactNode;
  canEdit: boolean;
  onSave: (values: string[]) => Promise<unknown>;
  errorField: string;
  suggestions?: string[];
}) {
  return (
    <InlineEdit<string[]>
      label={label}
      canEdit={canEdit}
      errorField={errorField}
      initial={() => values}
      onSave={onSave}
      saveOnBlur={false}
      block={block}
      displayHasLinks={displayHasLinks && values.length > 0}
      display={values.length > 0 ? display : dimmed(canEdit ? texts.add(label) : recordsTexts.common.none)}
      editor={(api) => (
        <TagsInput
          aria-label={label}
          autoFocus
          value={api.value}
          onChange={api.setValue}
          data={suggestions}
          acceptValueOnBlur
          clearable
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              e.preventDefault();
              api.cancel();
            }
            // Ctrl/Cmd+Enter saves; plain Enter adds the typed value.
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              api.commit();
            }
          }}
          description={texts.listHint}
          error={api.error}
          disabled={api.saving}
          size="xs"
          comboboxProps={{ withinPortal: true }}
        />
      )}
    />
  );
}
