import { createTheme, localStorageColorSchemeManager } from "@mantine/core";

export const theme = createTheme({
  primaryColor: "indigo",
  defaultRadius: "md",
  cursorType: "pointer",
  // Focus rings for keyboard users (never hidden).
  focusRing: "auto",
  fontFamily:
    "Inter, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif, 'Apple Color Emoji', 'Segoe UI Emoji'",
  headings: { fontWeight: "650" },
  components: {
    Modal: { defaultProps: { radius: "md" } },
    // Labels stay exactly their text ("Password", not "Password *") so tests and screen readers
    // match them exactly; app.css draws the required mark instead.
    InputWrapper: { defaultProps: { withAsterisk: false } },
    TextInput: { defaultProps: { withAsterisk: false } },
    PasswordInput: { defaultProps: { withAsterisk: false } },
    Select: { defaultProps: { withAsterisk: false } },
    MultiSelect: { defaultProps: { withAsterisk: false } },
    Textarea: { defaultProps: { withAsterisk: false } },
    NumberInput: { defaultProps: { withAsterisk: false } },
    // Sentence-case badges read calmer than Mantine's default capitals.
    Badge: { styles: { root: { textTransform: "none", flexShrink: 0 } } },
  },
});

/** Persists the light/dark/auto choice; public/color-scheme.js reads the same key before first paint. */
export const colorSchemeManager = localStorageColorSchemeManager({ key: "mantine-color-scheme-value" });
