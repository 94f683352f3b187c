import { Avatar, Tooltip } from "@mantine/core";
import { useUserDirectory } from "../../records/queries/users.queries";
import { dealsTexts } from "../deals.texts";

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "")).toUpperCase() || "?";
}

/** The owner's initials in a circle, the name on hover and for screen readers. */
export function OwnerAvatar({ ownerId, size = 24 }: { ownerId: string | null; size?: number }) {
  const { nameOf } = useUserDirectory();
  if (!ownerId) return null;
  const name = nameOf(ownerId) ?? dealsTexts.common.unknownUser;
  return (
    <Tooltip label={name} withArrow openDelay={300}>
      <Avatar size={size} radius="xl" color="initials" name={name} aria-label={name} role="img">
        {initials(name)}
      </Avatar>
    </Tooltip>
  );
}
