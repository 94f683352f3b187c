import { spotlight } from "@mantine/spotlight";
import { type RefObject, useEffect, useRef } from "react";

type Options = {
  input: RefObject<HTMLInputElement | null>;
  /** Text typed before the search field had focus. */
  onBufferedText: (text: string) => void;
  /** Enter pressed before the search field had focus, with the text typed so far. */
  onBufferedEnter: (text: string) => void;
};

/**
 * Ctrl/Cmd+K opens and closes the palette, from anywhere (also inside text fields). The search
 * field gets focus a moment after the palette opens (it animates in); what is typed in that
 * moment — "Ctrl+K, Teams, Enter" in one go — is buffered and handed over instead of lost.
 * Returns `onOpen`/`onClose` for the palette and `onFocus` for its search field.
 */
export function usePaletteKeyboard({ input, onBufferedText, onBufferedEnter }: Options) {
  const state = useRef({ opened: false, buffering: false, text: "", enter: false });
  const handlers = useRef({ onBufferedText, onBufferedEnter });
  handlers.current = { onBufferedText, onBufferedEnter };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const s = state.current;
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "k") {
        event.preventDefault();
        if (s.opened) {
          spotlight.close();
        } else {
          Object.assign(s, { buffering: true, text: "", enter: false });
          spotlight.open();
        }
        return;
      }
      if (!s.buffering || document.activeElement === input.current) return;
      if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      if (event.key.length === 1) {
        event.preventDefault();
        s.text += event.key;
        handlers.current.onBufferedText(s.text);
      } else if (event.key === "Enter") {
        event.preventDefault();
        s.enter = true;
      } else if (event.key === "Escape") {
        s.buffering = false;
      }
    };
    document.addEventListener("keydown", onKeyDown, true);
    return () => document.removeEventListener("keydown", onKeyDown, true);
  }, [input]);

  return {
    onOpen: () => {
      state.current.opened = true;
    },
    onClose: () => {
      Object.assign(state.current, { opened: false, buffering: false, text: "", enter: false });
    },
    onFocus: () => {
      const s = state.current;
      if (!s.buffering) return;
      s.buffering = false;
      if (s.enter) {
        s.enter = false;
        handlers.current.onBufferedEnter(s.text);
      }
    },
  };
}
