/** "/" matches only itself; "/settings" also matches "/settings/users". */
export function isPathActive(pathname: string, path: string): boolean {
  if (path === "/") return pathname === "/";
  return pathname === path || pathname.startsWith(`${path}/`);
}
