import { Alert, Button, CloseButton, FileButton, Group, Paper, Progress, Stack, Stepper, Text } from "@mantine/core";
import { IconAlertTriangle, IconArrowLeft, IconFileUpload, IconUpload } from "@tabler/icons-react";
import { type DragEvent, useRef, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { ApiError } from "../../../platform/api/api-error";
import { PageHeader } from "../../../platform/shell/PageHeader";
import { formatBytes } from "../../records/documents/format-bytes";
import classes from "../imports.module.css";
import { importsTexts } from "../imports.texts";
import { ACCEPTED_FILES, MAX_IMPORT_BYTES, uploadImport } from "../upload-import";

const texts = importsTexts.upload;

/** /imports/new (people) or /imports/new?type=company — step 1 of the wizard: choose or drop the file, upload it, go on to the mapping. */
export function NewImportPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const objectType = params.get("type") === "company" ? "company" : "contact";
  const forCompanies = objectType === "company";
  const [over, setOver] = useState(false);
  const [uploading, setUploading] = useState<{ name: string; progress: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const controller = useRef<AbortController | null>(null);
  const limit = formatBytes(MAX_IMPORT_BYTES);

  const start = async (file: File | null | undefined) => {
    if (!file || uploading) return;
    setError(null);
    if (file.size > MAX_IMPORT_BYTES) {
      setError(texts.tooLarge(limit));
      return;
    }
    controller.current = new AbortController();
    setUploading({ name: file.name, progress: 0 });
    try {
      const imp = await uploadImport(file, {
        signal: controller.current.signal,
        objectType,
        onProgress: (progress) => setUploading({ name: file.name, progress }),
      });
      navigate(`/imports/${imp.id}`);
    } catch (e) {
      if (!(e instanceof DOMException && e.name === "AbortError"))
        setError(e instanceof ApiError || e instanceof Error ? e.message : texts.failed);
      setUploading(null);
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    void start(event.dataTransfer.files[0]);
  };

  return (
    <>
      <PageHeader
        title={forCompanies ? importsTexts.companies.uploadTitle : texts.title}
        description={texts.description}
        context={importsTexts.title}
        actions={
          <Button component={Link} to="/imports" variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />}>
            {importsTexts.backToList}
          </Button>
        }
      />
      <Stack gap="md">
        <Stepper active={0} size="sm" allowNextStepsSelect={false} aria-label={importsTexts.title}>
          <Stepper.Step label={importsTexts.steps.upload} />
          <Stepper.Step label={importsTexts.steps.map} />
          <Stepper.Step label={importsTexts.steps.run} />
          <Stepper.Step label={importsTexts.steps.summary} />
        </Stepper>
        {error && (
          <Alert color="red" variant="light" title={texts.failed} icon={<IconAlertTriangle aria-hidden />} role="alert">
            {error}
          </Alert>
        )}
        <Paper withBorder radius="md" p="md">
          {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop target for the mouse; the button inside is the keyboard way */}
          <div
            className={classes.drop}
            data-over={over || undefined}
            onDragOver={(e) => {
              e.preventDefault();
              setOver(true);
            }}
            onDragLeave={() => setOver(false)}
            onDrop={onDrop}
          >
            {uploading ? (
              <Stack gap="xs" maw={480} mx="auto">
                <Group justify="space-between" wrap="nowrap">
                  <Text size="sm" truncate>
                    {texts.uploading(uploading.name)}
                  </Text>
                  <CloseButton size="sm" aria-label={texts.cancel} onClick={() => controller.current?.abort()} />
                </Group>
                <Progress value={uploading.progress * 100} aria-label={texts.progressLabel} animated={uploading.progress >= 1} />
              </Stack>
            ) : (
              <Stack gap="sm" align="center">
                <IconFileUpload size={40} stroke={1.5} aria-hidden style={{ color: "var(--mantine-color-dimmed)" }} />
                <Text fw={600}>{forCompanies ? importsTexts.companies.dropTitle : texts.dropTitle}</Text>
                <Text size="sm" c="dimmed">
                  {(forCompanies ? importsTexts.companies.dropHint : texts.dropHint)(limit)}
                </Text>
                <FileButton onChange={(file) => void start(file)} accept={ACCEPTED_FILES}>
                  {(props) => (
                    <Button {...props} leftSection={<IconUpload size={16} aria-hidden />}>
                      {texts.choose}
                    </Button>
                  )}
                </FileButton>
              </Stack>
            )}
          </div>
          <Text size="xs" c="dimmed" mt="sm">
            {forCompanies ? importsTexts.companies.sources : texts.sources}
          </Text>
        </Paper>
      </Stack>
    </>
  );
}
