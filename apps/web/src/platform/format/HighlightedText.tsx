import { splitByRanges } from "./highlight-ranges";

/** Text with the search matches in <mark>, built from React elements (never HTML). */
export function HighlightedText({ text, ranges }: { text: string; ranges?: readonly (readonly [number, number])[] | undefined }) {
  if (!ranges || ranges.length === 0) return text;
  return (
    <>
      {splitByRanges(text, ranges).map((segment, i) =>
        segment.marked ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments of one fixed string
          <mark key={i} style={{ background: "var(--mantine-color-yellow-light)", color: "inherit", borderRadius: 2, padding: 0 }}>
            {segment.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments of one fixed string
          <span key={i}>{segment.text}</span>
        ),
      )}
    </>
  );
}
