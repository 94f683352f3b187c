import { Alert, Badge, Button, NativeSelect, Paper, Stack, Table, Text, Title } from "@mantine/core";
import type { Import } from "@rapport/contract";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useState } from "react";
import { formatNumber } from "../../../platform/format/number";
import { mappingWarnings, remap } from "../import-wizard.rules";
import classes from "../imports.module.css";
import { importsTexts } from "../imports.texts";

const texts = importsTexts.mapping;
/** Columns shown before "Show all": a very wide file stays quick to render. */
const FIRST_COLUMNS = 100;
const SKIP = "";

type Props = { imp: Import; disabled: boolean; onChange: (mapping: (string | null)[]) => void };

/** One row per column of the file: its samples, and where it goes (pre-filled from the suggestions). */
export function MappingTable({ imp, disabled, onChange }: Props) {
  const [showAll, setShowAll] = useState(false);
  const warnings = mappingWarnings(imp.mapping, imp.matchBy);
  const builtIn = imp.targets.filter((t) => !t.key.startsWith("custom."));
  const custom = imp.targets.filter((t) => t.key.startsWith("custom."));
  const data = [
    { value: SKIP, label: texts.skip },
    { group: texts.builtIn, items: builtIn.map((t) => ({ value: t.key, label: t.label })) },
    ...(custom.length > 0 ? [{ group: texts.custom, items: custom.map((t) => ({ value: t.key, label: t.label })) }] : []),
  ];
  const columns = showAll ? imp.headers : imp.headers.slice(0, FIRST_COLUMNS);
  const matchLabel = importsTexts.matching.by[imp.matchBy]?.toLowerCase() ?? imp.matchBy;

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="import-mapping-title">
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4" id="import-mapping-title">
            {texts.title}
          </Title>
          <Text size="sm" c="dimmed">
            {texts.description}
          </Text>
        </div>
        {warnings.nameMissing && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
            {imp.objectType === "company" ? importsTexts.companies.nameRequired : texts.nameRequired}
          </Alert>
        )}
        {!warnings.nameMissing && warnings.matchFieldMissing && imp.objectType === "contact" && (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />}>
            {texts.matchFieldMissing(matchLabel)}
          </Alert>
        )}
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{texts.column}</Table.Th>
                <Table.Th>{texts.samples}</Table.Th>
                <Table.Th w="40%">{texts.target}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {columns.map((header, i) => {
                const samples = imp.sample.map((row) => row[i] ?? "").filter((v) => v.trim() !== "");
                const target = imp.mapping[i] ?? null;
                const suggested = target !== null && imp.suggestedMapping[i] === target;
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a column's position is its identity (headers may repeat)
                  <Table.Tr key={i}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {header}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {samples.length === 0 ? (
                        <Text size="xs" c="dimmed" fs="italic">
                          {texts.noSamples}
                        </Text>
                      ) : (
                        samples.map((s, k) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: samples are shown in file order
                          <Text key={k} size="xs" className={classes.sample} title={s}>
                            {s}
                          </Text>
                        ))
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={2} align="flex-start">
                        <NativeSelect
                          aria-label={texts.selectLabel(header)}
                          data={data}
                          value={target ?? SKIP}
                          disabled={disabled}
                          onChange={(e) => onChange(remap(imp.mapping, i, e.currentTarget.value || null, imp.targets))}
                          w="100%"
                        />
                        {suggested && (
                          <Badge size="xs" variant="light" color="teal">
                            {texts.suggested}
                          </Badge>
                        )}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {!showAll && imp.headers.length > FIRST_COLUMNS && (
          <Button variant="subtle" onClick={() => setShowAll(true)} style={{ alignSelf: "flex-start" }}>
            {texts.showAll(formatNumber(imp.headers.length))}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
