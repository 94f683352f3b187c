/** Only same-origin paths ("/settings/users"), never "//evil.example" or absolute URLs. */
export function safeRedirectPath(candidate: unknown, fallback = "/"): string {
  if (typeof candidate !== "string") return fallback;
  if (!candidate.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/\\")) return fallback;
  if (candidate.startsWith("/sign-in")) return fallback;
  return candidate;
}
