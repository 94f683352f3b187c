/** Texts of the shared feedback components (errors, empty and loading states, confirmations). */
export const feedbackTexts = {
  errorTitle: "Something went wrong",
  loadFailed: "This could not be loaded.",
  retry: "Try again",
  loading: "Loading…",
  cancel: "Cancel",
  forbiddenTitle: "No access",
  forbidden: "Your role does not allow you to see this page. Ask an administrator if you need it.",
  requestId: (id: string) => `Reference: ${id}`,
  saved: "Saved",
};
