import type { CommandAction } from "../modules/module.types";

/** Every word of the query must start a word of the label, description or keywords ("api k" finds "API keys"). */
export function filterActions(actions: CommandAction[], query: string): CommandAction[] {
  const words = splitWords(query);
  if (words.length === 0) return actions;
  return actions.filter((a) => {
    const haystack = splitWords([a.label, a.description ?? "", ...(a.keywords ?? [])].join(" "));
    return words.every((w) => haystack.some((h) => h.startsWith(w)));
  });
}

function splitWords(text: string): string[] {
  return text
    .toLocaleLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}
