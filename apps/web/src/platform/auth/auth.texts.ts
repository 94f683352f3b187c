/** Texts of the sign-in page. */
export const authTexts = {
  pageTitle: "Sign in",
  subtitle: "Welcome back to Rapport, the CRM for your whole team.",
  email: "Email",
  password: "Password",
  workspace: "Workspace",
  workspaceDescription:
    "Your email address belongs to more than one workspace. Enter the short name (slug) of the one to open, e.g. “acme”.",
  workspacePlaceholder: "acme",
  submit: "Sign in",
  invalidCredentials: "The email address or password is not correct.",
  workspaceRequired: "Choose a workspace to continue.",
  tooManyAttempts: (seconds: number | null) =>
    seconds && seconds > 0
      ? `Too many sign-in attempts. Try again in ${seconds} seconds.`
      : "Too many sign-in attempts. Wait a moment and try again.",
  failed: "Signing in failed",
};
