import { Anchor, Text } from "@mantine/core";
import { useState } from "react";
import { useUserDirectory } from "../queries/users.queries";
import { recordsTexts } from "../records.texts";
import { parseBody } from "./mentions";
import classes from "./Timeline.module.css";

const LONG = 600;

/**
 * An interaction's text with mentions shown as highlighted names. Everything is rendered as
 * React text nodes: markup in a body (HTML, scripts) is shown, never interpreted.
 */
export function InteractionBody({ body }: { body: string }) {
  const { nameOf } = useUserDirectory();
  const [expanded, setExpanded] = useState(false);
  const long = body.length > LONG;
  return (
    <div>
      <Text size="sm" className={classes.body} data-clamped={long && !expanded ? true : undefined}>
        {parseBody(body).map((segment, i) =>
          segment.kind === "mention" ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: segments of one fixed body
            <span key={i} className={classes.mention} title={nameOf(segment.userId) ?? segment.name}>
              @{nameOf(segment.userId) ?? segment.name}
            </span>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: segments of one fixed body
            <span key={i}>{segment.text}</span>
          ),
        )}
      </Text>
      {long && (
        <Anchor component="button" type="button" size="xs" onClick={() => setExpanded((e) => !e)}>
          {expanded ? recordsTexts.timeline.showLess : recordsTexts.timeline.showMore}
        </Anchor>
      )}
    </div>
  );
}
