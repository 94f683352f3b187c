import { Avatar, Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import type { Me } from "@rapport/contract";
import { iamTexts } from "../../../platform/auth/iam.texts";
import { initials } from "../../../platform/shell/initials";
import { homeTexts } from "../home.texts";

const texts = homeTexts.you;

export function ProfileCard({ me }: { me: Me }) {
  return (
    <Card withBorder radius="md" padding="lg" h="100%">
      <Title order={3} size="h4" mb="sm">
        {texts.title}
      </Title>
      <Group wrap="nowrap" align="flex-start">
        <Avatar size={48} radius="xl" color="indigo" aria-hidden>
          {initials(me.user.name)}
        </Avatar>
        <Stack gap={4} miw={0}>
          <Text fw={600} truncate>
            {me.user.name}
          </Text>
          <Text size="sm" c="dimmed" truncate>
            {me.user.email}
          </Text>
          <Group gap={8} mt={4}>
            <Badge variant="light">{iamTexts.roles[me.user.role]}</Badge>
            <Text size="sm" c="dimmed">
              {`${texts.visibility}: ${iamTexts.recordVisibility[me.recordVisibility] ?? me.recordVisibility}`}
            </Text>
          </Group>
        </Stack>
      </Group>
    </Card>
  );
}
