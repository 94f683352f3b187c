import { Button, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { PageHeader } from "./PageHeader";
import { shellTexts } from "./shell.texts";

export function NotFoundPage() {
  return (
    <Stack align="flex-start">
      <PageHeader title={shellTexts.notFound.title} />
      <Text>{shellTexts.notFound.description}</Text>
      <Button component={Link} to="/">
        {shellTexts.notFound.home}
      </Button>
    </Stack>
  );
}
