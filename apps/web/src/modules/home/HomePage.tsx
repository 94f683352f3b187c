import { SimpleGrid } from "@mantine/core";
import { useMe } from "../../platform/auth/use-me";
import { PageHeader } from "../../platform/shell/PageHeader";
import { ProfileCard } from "./components/ProfileCard";
import { RecentActivityCard } from "./components/RecentActivityCard";
import { ShortcutsCard } from "./components/ShortcutsCard";
import { WorkspaceCard } from "./components/WorkspaceCard";
import { homeTexts } from "./home.texts";

export function HomePage() {
  const me = useMe();
  const firstName = me.user.name.split(/\s+/)[0] ?? me.user.name;
  return (
    <>
      <PageHeader title={homeTexts.title} description={homeTexts.welcome(firstName)} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <WorkspaceCard workspace={me.workspace} />
        <ProfileCard me={me} />
        <RecentActivityCard />
        <ShortcutsCard />
      </SimpleGrid>
    </>
  );
}
