import { Center, Loader } from "@mantine/core";
import { feedbackTexts } from "./feedback.texts";

/** A centred spinner for a page (or a lazily loaded chunk) that is on its way. */
export function PageLoader({ fullScreen = false }: { fullScreen?: boolean }) {
  return (
    <Center h={fullScreen ? "100vh" : 240}>
      <Loader aria-label={feedbackTexts.loading} />
    </Center>
  );
}
