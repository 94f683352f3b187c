export const appTexts = {
  crashed: "This page stopped working",
  backHome: "Back to Home",
};
