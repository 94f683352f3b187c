import { Group, Loader, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { Spotlight, spotlight } from "@mantine/spotlight";
import { IconSearch } from "@tabler/icons-react";
import { useRef, useState } from "react";
import { useNavigate } from "react-router";
import { HighlightedText } from "../format/HighlightedText";
import type { CommandAction } from "../modules/module.types";
import { filterActions } from "./filter-actions";
import { shellTexts } from "./shell.texts";
import { usePaletteActions } from "./use-palette-actions";
import { usePaletteKeyboard } from "./use-palette-keyboard";
import { usePaletteSearch } from "./use-palette-search";

const texts = shellTexts.palette;

/** Ctrl/Cmd+K: jump to any page or settings section, run commands, search records of every module. */
export function CommandPalette() {
  const navigate = useNavigate();
  const [query, setQuery] = useState("");
  const inputRef = useRef<HTMLInputElement>(null);
  const [debounced] = useDebouncedValue(query, 250);
  const allActions = usePaletteActions();
  const actions = filterActions(allActions, query);
  const search = usePaletteSearch(debounced);

  const groups = new Map<string, CommandAction[]>();
  for (const action of actions) {
    const group = action.group ?? texts.groups.actions;
    groups.set(group, [...(groups.get(group) ?? []), action]);
  }
  const searching = search.some((g) => g.isLoading) || (query.trim() !== debounced.trim() && query.trim().length >= 2);
  const hasSearchResults = search.some((g) => g.results.length > 0);

  const run = (action: CommandAction) => {
    if (action.path) void navigate(action.path);
    action.run?.();
  };

  const keyboard = usePaletteKeyboard({
    input: inputRef,
    onBufferedText: setQuery,
    onBufferedEnter: (text) => runFirst(filterActions(allActions, text)),
  });

  /** Enter with nothing selected (e.g. the query was typed before the field had focus) takes the first match. */
  const runFirst = (matches: CommandAction[]) => {
    const first = matches[0];
    if (!first) return;
    spotlight.close();
    run(first);
  };

  return (
    <Spotlight.Root query={query} onQueryChange={setQuery} shortcut={["mod + K"]} scrollable maxHeight={480} size="lg">
      <Spotlight.Search
        ref={inputRef}
        onFocus={keyboard.onFocus}
        onKeyDown={(event) => {
          const list = event.currentTarget.closest('[role="dialog"]');
          if (event.key === "Enter" && !list?.querySelector("[data-selected]")) {
            event.preventDefault();
            // The first item shown: a matching action, else the first record found.
            const firstFound = search.find((g) => !g.isError && g.results.length > 0)?.results[0];
            if (actions.length === 0 && firstFound) {
              spotlight.close();
              void navigate(firstFound.path);
            } else runFirst(actions);
          }
        }}
        placeholder={texts.placeholder}
        aria-label={texts.inputLabel}
        leftSection={<IconSearch size={18} aria-hidden />}
        rightSection={searching ? <Loader size="xs" aria-label={texts.searching} /> : null}
      />
      <Spotlight.ActionsList>
        {[...groups.entries()].map(([group, items]) => (
          <Spotlight.ActionsGroup key={group} label={group}>
            {items.map((action) => {
              const Icon = action.icon;
              return (
                <Spotlight.Action
                  key={action.id}
                  label={action.label}
                  description={action.description}
                  leftSection={Icon ? <Icon size={20} stroke={1.6} aria-hidden /> : undefined}
                  onClick={() => run(action)}
                />
              );
            })}
          </Spotlight.ActionsGroup>
        ))}
        {search.map(({ provider, results, isError }) => {
          const Icon = provider.icon;
          if (isError) {
            return (
              <Text key={provider.id} size="sm" c="red" px="md" py="xs">
                {texts.searchFailed(provider.label)}
              </Text>
            );
          }
          if (results.length === 0) return null;
          return (
            <Spotlight.ActionsGroup key={provider.id} label={provider.label}>
              {results.map((result) => (
                <Spotlight.Action key={`${provider.id}:${result.id}`} onClick={() => void navigate(result.path)}>
                  <Group wrap="nowrap" gap="sm" w="100%">
                    <Icon size={20} stroke={1.6} aria-hidden style={{ flex: "none", opacity: 0.8 }} />
                    <div style={{ minWidth: 0, flex: 1 }}>
                      <Text size="sm" truncate>
                        <HighlightedText text={result.label} ranges={result.labelRanges} />
                      </Text>
                      {result.description && (
                        <Text size="xs" c="dimmed" truncate>
                          <HighlightedText text={result.description} ranges={result.descriptionRanges} />
                        </Text>
                      )}
                    </div>
                  </Group>
                </Spotlight.Action>
              ))}
            </Spotlight.ActionsGroup>
          );
        })}
        {actions.length === 0 && !hasSearchResults && !searching && <Spotlight.Empty>{texts.nothingFound}</Spotlight.Empty>}
      </Spotlight.ActionsList>
      <Spotlight.Footer>
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {texts.hint}
          </Text>
        </Group>
      </Spotlight.Footer>
    </Spotlight.Root>
  );
}
