import { Avatar, Combobox, Group, Text, Textarea, type TextareaProps, useCombobox } from "@mantine/core";
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from "react";
import { initials } from "../../../platform/shell/initials";
import { useUserDirectory } from "../queries/users.queries";
import { recordsTexts } from "../records.texts";
import { insertMention, type Mention, mentionQueryAt } from "./mentions";

type Props = Omit<TextareaProps, "value" | "onChange"> & {
  value: string;
  onChange: (value: string) => void;
  /** Users picked from the @-list so far; the composer turns their "@Name" into mention markup on submit. */
  onMention: (mention: Mention) => void;
};

const MAX_OPTIONS = 6;

/**
 * A textarea that offers the workspace's users after "@": ↑/↓ choose, Enter or Tab inserts
 * "@Name", Escape closes the list. Text stays plain text everywhere.
 */
export function MentionTextarea({ value, onChange, onMention, onKeyDown, ...props }: Props) {
  const { active } = useUserDirectory();
  const combobox = useCombobox();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null);
  const pendingCaret = useRef<number | null>(null);

  const options = useMemo(() => {
    if (!mention) return [];
    const q = mention.query.toLocaleLowerCase();
    return active
      .filter((u) => {
        const name = u.name.toLocaleLowerCase();
        return q === "" || name.startsWith(q) || name.split(/\s+/).some((w) => w.startsWith(q)) || u.email.startsWith(q);
      })
      .slice(0, MAX_OPTIONS);
  }, [active, mention]);

  const open = mention !== null && options.length > 0;
  useEffect(() => {
    if (open) {
      combobox.openDropdown();
      combobox.selectFirstOption();
    } else {
      combobox.closeDropdown();
    }
  }, [open, combobox]);

  useEffect(() => {
    if (pendingCaret.current !== null && ref.current) {
      ref.current.setSelectionRange(pendingCaret.current, pendingCaret.current);
      pendingCaret.current = null;
    }
  });

  const update = (text: string, caret: number) => {
    onChange(text);
    setMention(mentionQueryAt(text, caret));
  };

  const pick = (userId: string) => {
    const user = active.find((u) => u.id === userId);
    const caret = ref.current?.selectionStart ?? value.length;
    if (!user || !mention) return;
    const next = insertMention(value, mention.start, caret, user.name);
    onMention({ name: user.name, userId: user.id });
    pendingCaret.current = next.caret;
    onChange(next.text);
    setMention(null);
    ref.current?.focus();
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open) {
      if (event.key === "ArrowDown") {
        event.preventDefault();
        combobox.selectNextOption();
        return;
      }
      if (event.key === "ArrowUp") {
        event.preventDefault();
        combobox.selectPreviousOption();
        return;
      }
      if (event.key === "Enter" || event.key === "Tab") {
        event.preventDefault();
        combobox.clickSelectedOption();
        return;
      }
      if (event.key === "Escape") {
        event.preventDefault();
        event.stopPropagation();
        setMention(null);
        return;
      }
    }
    onKeyDown?.(event);
  };

  return (
    <Combobox store={combobox} onOptionSubmit={pick} position="bottom-start" withinPortal width={280}>
      <Combobox.Target withKeyboardNavigation={false} withAriaAttributes>
        <Textarea
          ref={ref}
          {...props}
          value={value}
          onChange={(e) => update(e.currentTarget.value, e.currentTarget.selectionStart ?? e.currentTarget.value.length)}
          onKeyDown={handleKeyDown}
          onClick={(e) => setMention(mentionQueryAt(value, e.currentTarget.selectionStart ?? value.length))}
          onBlur={(e) => {
            setMention(null);
            props.onBlur?.(e);
          }}
        />
      </Combobox.Target>
      <Combobox.Dropdown>
        <Combobox.Header>
          <Text size="xs" c="dimmed">
            {recordsTexts.composer.mentionHint}
          </Text>
        </Combobox.Header>
        <Combobox.Options aria-label={recordsTexts.composer.mentionList}>
          {options.map((user) => (
            <Combobox.Option key={user.id} value={user.id} onMouseDown={(e) => e.preventDefault()}>
              <Group gap="xs" wrap="nowrap">
                <Avatar size={22} radius="xl" color="indigo" variant="white" aria-hidden>
                  {initials(user.name)}
                </Avatar>
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" truncate>
                    {user.name}
                  </Text>
                  <Text size="xs" truncate style={{ opacity: 0.75 }}>
                    {user.email}
                  </Text>
                </div>
              </Group>
            </Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
