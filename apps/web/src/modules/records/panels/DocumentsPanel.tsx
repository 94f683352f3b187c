import { ActionIcon, Anchor, Button, CloseButton, FileButton, Group, Progress, Stack, Text, Tooltip } from "@mantine/core";
import type { DocumentInfo } from "@rapport/contract";
import { IconFile, IconTrash, IconUpload } from "@tabler/icons-react";
import { type DragEvent, useMemo, useRef, useState } from "react";
import { isApiError } from "../../../platform/api/api-error";
import { usePermissions } from "../../../platform/auth/use-permissions";
import { ConfirmDialog } from "../../../platform/feedback/ConfirmDialog";
import { ErrorState } from "../../../platform/feedback/ErrorState";
import { notifyError, notifySuccess } from "../../../platform/feedback/notify";
import { formatDate, formatDateTime } from "../../../platform/format/date";
import { formatBytes } from "../documents/format-bytes";
import { documentDownloadUrl, MAX_UPLOAD_BYTES } from "../documents/upload";
import { useDeleteDocument, useDocuments, useUploadDocument } from "../queries/documents.queries";
import { useUserDirectory } from "../queries/users.queries";
import type { RecordPanelProps } from "../record-panels";
import { recordsTexts } from "../records.texts";
import classes from "./Panels.module.css";

const texts = recordsTexts.documents;

type Upload = { id: number; name: string; progress: number; controller: AbortController };

/** Files attached to the record: upload (button or drop) with progress, download, delete. */
export function DocumentsPanel({ entityType, recordId, canEdit }: RecordPanelProps) {
  const documents = useDocuments(entityType, recordId);
  const upload = useUploadDocument(entityType, recordId);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [over, setOver] = useState(false);
  const [deleting, setDeleting] = useState<DocumentInfo | null>(null);
  const remove = useDeleteDocument(entityType, recordId);
  const { nameOf } = useUserDirectory();
  const { can } = usePermissions();
  const nextId = useRef(0);
  const items = useMemo(() => documents.data?.pages.flatMap((p) => p.items) ?? [], [documents.data]);

  const start = async (files: File[]) => {
    for (const file of files) {
      if (file.size > MAX_UPLOAD_BYTES) {
        notifyError(new Error(texts.tooLarge(file.name, formatBytes(MAX_UPLOAD_BYTES))), texts.uploadFailed);
        continue;
      }
      const id = nextId.current++;
      const controller = new AbortController();
      setUploads((all) => [...all, { id, name: file.name, progress: 0, controller }]);
      try {
        await upload.mutateAsync({
          file,
          signal: controller.signal,
          onProgress: (progress) => setUploads((all) => all.map((u) => (u.id === id ? { ...u, progress } : u))),
        });
        notifySuccess(texts.uploaded(file.name));
      } catch (error) {
        if (!(error instanceof DOMException && error.name === "AbortError")) {
          notifyError(
            isApiError(error) && error.status === 413 ? new Error(texts.tooLarge(file.name, formatBytes(MAX_UPLOAD_BYTES))) : error,
            texts.uploadFailed,
          );
        }
      } finally {
        setUploads((all) => all.filter((u) => u.id !== id));
      }
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (canEdit) void start([...event.dataTransfer.files]);
  };

  return (
    <Stack gap="sm">
      {canEdit && (
        // biome-ignore lint/a11y/noStaticElementInteractions: a drop target for the mouse; the Upload button inside is the keyboard way
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
          <Group justify="center" gap="xs">
            <FileButton onChange={(files) => void start(files)} multiple>
              {(props) => (
                <Button {...props} size="xs" variant="light" leftSection={<IconUpload size={14} aria-hidden />}>
                  {texts.upload}
                </Button>
              )}
            </FileButton>
            <Text size="xs" c="dimmed">
              {texts.dropHint(formatBytes(MAX_UPLOAD_BYTES))}
            </Text>
          </Group>
        </div>
      )}
      {uploads.map((u) => (
        <Stack key={u.id} gap={2}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="xs" truncate>
              {texts.uploading(u.name)}
            </Text>
            <CloseButton size="xs" aria-label={texts.cancelUpload(u.name)} onClick={() => u.controller.abort()} />
          </Group>
          <Progress value={u.progress * 100} size="sm" aria-label={texts.progress(u.name)} animated={u.progress >= 1} />
        </Stack>
      ))}
      {documents.isPending ? (
        <Text size="sm" c="dimmed">
          {recordsTexts.common.loading}
        </Text>
      ) : documents.isError ? (
        <ErrorState error={documents.error} onRetry={() => void documents.refetch()} />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {texts.none}
        </Text>
      ) : (
        <ul className={classes.list} aria-label={texts.listLabel}>
          {items.map((doc) => (
            <li key={doc.id} className={classes.listItem}>
              <IconFile size={18} aria-hidden style={{ color: "var(--mantine-color-dimmed)", flex: "none" }} />
              <div style={{ flex: 1, minWidth: 0 }}>
                <Anchor href={documentDownloadUrl(doc.id)} download={doc.filename} size="sm" fw={500} style={{ overflowWrap: "anywhere" }}>
                  {doc.filename}
                </Anchor>
                <Text size="xs" c="dimmed" title={formatDateTime(doc.createdAt)}>
                  {[formatBytes(doc.sizeBytes), formatDate(doc.createdAt), nameOf(doc.uploadedBy)].filter(Boolean).join(" · ")}
                </Text>
              </div>
              {can("records.write") && (
                <Tooltip label={texts.delete(doc.filename)}>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="sm"
                    aria-label={texts.delete(doc.filename)}
                    onClick={() => setDeleting(doc)}
                  >
                    <IconTrash size={14} aria-hidden />
                  </ActionIcon>
                </Tooltip>
              )}
            </li>
          ))}
        </ul>
      )}
      {documents.hasNextPage && (
        <Button variant="default" size="xs" onClick={() => void documents.fetchNextPage()} loading={documents.isFetchingNextPage}>
          {recordsTexts.common.loadMore}
        </Button>
      )}
      <ConfirmDialog
        opened={deleting !== null}
        title={deleting ? texts.confirmDeleteTitle(deleting.filename) : ""}
        message={texts.confirmDelete}
        confirmLabel={texts.deleteButton}
        loading={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() => {
          if (!deleting) return;
          const { id, filename } = deleting;
          remove.mutate(id, {
            onSuccess: () => {
              notifySuccess(texts.deleted(filename));
              setDeleting(null);
            },
          });
        }}
      />
    </Stack>
  );
}
