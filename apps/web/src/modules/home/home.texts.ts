/** Texts of the Home page. */
export const homeTexts = {
  navLabel: "Home",
  title: "Home",
  welcome: (name: string) => `Welcome back, ${name}.`,
  workspace: {
    title: "Your workspace",
    name: "Name",
    slug: "Short name",
    currency: "Default currency",
    created: "Created",
  },
  you: {
    title: "You",
    email: "Email",
    role: "Role",
    visibility: "You see",
  },
  activity: {
    title: "Recent activity",
    fromAudit: "Latest changes in the workspace, from the audit trail.",
    live: "Changes made since you opened Rapport, live.",
    empty: "Nothing has happened yet. Changes by anyone in the workspace will show up here.",
    openAudit: "Open the audit trail",
    by: (actor: string) => `by ${actor}`,
    named: (what: string, name: string) => `${what}: ${name}`,
    system: "the system",
    apiKey: "an API key",
  },
  shortcuts: {
    title: "Get going",
    palette: (mod: string) => `Press ${mod} K to jump to any page, setting or record.`,
    openPalette: "Open search",
  },
};
