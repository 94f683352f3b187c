/** Texts of the API client (shown in notifications when a request fails without a server message). */
export const apiTexts = {
  networkError: "The server could not be reached. Check your connection and try again.",
  invalidResponse: "The server sent an answer this version of the app does not understand. Reload the page.",
  unexpectedStatus: (status: number) => `The server answered with status ${status}.`,
};
