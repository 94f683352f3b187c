/** Texts of the notification bell in the header. */
export const notificationsTexts = {
  bell: "Notifications",
  bellUnread: (n: number) => (n === 1 ? "Notifications (1 unread)" : `Notifications (${n} unread)`),
  title: "Notifications",
  markAllRead: "Mark all read",
  markRead: (title: string) => `Mark read: ${title}`,
  empty: "Nothing new. Mentions of you and reminders show up here.",
  unread: "Unread",
  loadFailed: "Notifications could not be loaded.",
  listLabel: "Notifications, newest first",
};
