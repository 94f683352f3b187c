// Sets Mantine's color scheme attribute before React mounts, so a dark-mode user sees no white flash.
// Mirrors Mantine's localStorageColorSchemeManager (key "mantine-color-scheme-value", default "auto").
(() => {
  try {
    const stored = window.localStorage.getItem("mantine-color-scheme-value");
    const value = stored === "light" || stored === "dark" ? stored : "auto";
    const dark = value === "dark" || (value === "auto" && window.matchMedia("(prefers-color-scheme: dark)").matches);
    document.documentElement.setAttribute("data-mantine-color-scheme", dark ? "dark" : "light");
  } catch {
    // Storage blocked: Mantine falls back to the system preference once it mounts.
  }
})();
