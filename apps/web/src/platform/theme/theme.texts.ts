export const themeTexts = {
  toggle: "Toggle color scheme",
  toDark: "Switch to dark mode",
  toLight: "Switch to light mode",
};
