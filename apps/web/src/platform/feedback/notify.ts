import { notifications } from "@mantine/notifications";
import { isApiError } from "../api/api-error";
import { feedbackTexts } from "./feedback.texts";

/** Shows an error toast: the server's detail when it sent one, a generic message otherwise. */
export function notifyError(error: unknown, title: string = feedbackTexts.errorTitle): void {
  const message = isApiError(error)
    ? [error.message, error.requestId ? feedbackTexts.requestId(error.requestId) : null].filter(Boolean).join(" ")
    : error instanceof Error
      ? error.message
      : String(error);
  notifications.show({ color: "red", title, message, autoClose: 8000 });
}

export function notifySuccess(message: string, title?: string): void {
  notifications.show({ color: "teal", title, message });
}
