import { Group, Paper, Radio, Stack, Text, Title } from "@mantine/core";
import type { BodyOf, Import, importEndpoints } from "@rapport/contract";
import { matchChoices } from "../import-wizard.rules";
import { importsTexts } from "../imports.texts";

const texts = importsTexts.matching;

type Props = { imp: Import; disabled: boolean; onChange: (body: BodyOf<typeof importEndpoints.update>) => void };

/** How rows find existing people (email, phone, or an external id when a column holds one) or companies (domain, then name) and what happens to a record found. */
export function MatchOptions({ imp, disabled, onChange }: Props) {
  const companies = imp.objectType === "company" ? importsTexts.companies : null;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="import-matching-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="import-matching-title">
          {companies ? companies.matchingTitle : texts.title}
        </Title>
        {companies && <Text size="sm">{companies.matchBy}</Text>}
        <Group align="flex-start" gap="xl" wrap="wrap">
          {!companies && (
            <Radio.Group label={texts.matchBy} value={imp.matchBy} onChange={(v) => onChange({ matchBy: v as Import["matchBy"] })}>
              <Stack gap={6} mt={6}>
                {matchChoices(imp.mapping).map((v) => (
                  <Radio key={v} value={v} label={texts.by[v]} disabled={disabled} />
                ))}
              </Stack>
            </Radio.Group>
          )}
          <Radio.Group
            label={companies ? companies.onMatch : texts.onMatch}
            value={imp.onMatch}
            onChange={(v) => onChange({ onMatch: v as Import["onMatch"] })}
          >
            <Stack gap={6} mt={6}>
              {(["update", "skip", "create"] as const).map((v) => (
                <Radio key={v} value={v} label={companies && v === "create" ? companies.create : texts.on[v]} disabled={disabled} />
              ))}
            </Stack>
          </Radio.Group>
        </Group>
        <Text size="xs" c="dimmed">
          {companies ? companies.sameFile : texts.sameFile}
        </Text>
      </Stack>
    </Paper>
  );
}
