import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { type Task, type TaskPriority, taskPriorities } from "@rapport/contract";
import { type FormEvent, useEffect, useState } from "react";
import { fieldError } from "../../../platform/api/field-errors";
import { usePermissions } from "../../../platform/auth/use-permissions";
import { ConfirmDialog } from "../../../platform/feedback/ConfirmDialog";
import { notifyError, notifySuccess } from "../../../platform/feedback/notify";
import { useUserDirectory } from "../../records/queries/users.queries";
import { dueFromInputs, inputsFromDue } from "../due";
import { useDeleteTask, useUpdateTask } from "../queries/tasks.queries";
import { tasksTexts } from "../tasks.texts";
import { LinkedRecordPicker, type LinkedRef } from "./LinkedRecordPicker";

const texts = tasksTexts.edit;
const pad = (n: number) => String(n).padStart(2, "0");
/** An instant as the value of a datetime-local input (browser zone). */
const toLocalInput = (iso: string | null) => {
  if (!iso) return "";
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/** Edits every field of a task; opened from a task's title. */
export function TaskEditModal({ task, onClose }: { task: Task | null; onClose: () => void }) {
  return (
    <Modal opened={task !== null} onClose={onClose} title={texts.title} size="lg">
      {task && <TaskForm key={task.id} task={task} onClose={onClose} />}
    </Modal>
  );
}

function TaskForm({ task, onClose }: { task: Task; onClose: () => void }) {
  const update = useUpdateTask();
  const remove = useDeleteTask();
  const { active } = useUserDirectory();
  const { can } = usePermissions();
  const initial = inputsFromDue(task);
  const [title, setTitle] = useState(task.title);
  const [notes, setNotes] = useState(task.notes ?? "");
  const [date, setDate] = useState(initial.date);
  const [time, setTime] = useState(initial.time);
  const [priority, setPriority] = useState<TaskPriority>(task.priority);
  const [assigneeId, setAssigneeId] = useState(task.assigneeId);
  const [remindAt, setRemindAt] = useState(toLocalInput(task.remindAt));
  const linkedInitial: LinkedRef | null =
    task.linked && (task.linked.type === "contact" || task.linked.type === "company" || task.linked.type === "deal")
      ? { type: task.linked.type, id: task.linked.id, name: task.linked.name ?? "" }
      : null;
  const [linked, setLinked] = useState<LinkedRef | null>(linkedInitial);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => update.reset(), [update.reset]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const linkChanged = linked?.id !== linkedInitial?.id;
    update.mutate(
      {
        id: task.id,
        body: {
          title: title.trim(),
          notes: notes || null,
          ...dueFromInputs(date, time),
          priority,
          ...(assigneeId !== task.assigneeId ? { assigneeId } : {}),
          ...(linkChanged ? { linked: linked ? { type: linked.type, id: linked.id } : null } : {}),
          remindAt: remindAt ? new Date(remindAt).toISOString() : null,
        },
      },
      {
        onSuccess: () => {
          notifySuccess(texts.saved);
          onClose();
        },
        onError: (error) => {
          if (!["title", "dueAt", "dueDate", "assigneeId", "linked", "remindAt"].some((f) => fieldError(error, f))) notifyError(error);
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit}>
      <Stack gap="sm">
        <TextInput
          label={texts.name}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          required
          maxLength={500}
          error={fieldError(update.error, "title")}
          data-autofocus
        />
        <Textarea label={texts.notes} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={2} maxRows={8} />
        <Group grow>
          <TextInput
            type="date"
            label={texts.date}
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            error={fieldError(update.error, "dueDate")}
          />
          <TextInput
            type="time"
            label={texts.time}
            value={time}
            onChange={(e) => setTime(e.currentTarget.value)}
            disabled={!date}
            error={fieldError(update.error, "dueAt")}
          />
        </Group>
        <Group grow>
          <Select
            label={tasksTexts.priority.label}
            data={taskPriorities.map((p) => ({ value: p, label: tasksTexts.priority[p] }))}
            value={priority}
            onChange={(v) => v && setPriority(v as TaskPriority)}
            allowDeselect={false}
          />
          <Select
            label={texts.assignee}
            data={active.map((u) => ({ value: u.id, label: u.name }))}
            value={assigneeId}
            onChange={(v) => v && setAssigneeId(v)}
            searchable
            allowDeselect={false}
            error={fieldError(update.error, "assigneeId")}
          />
        </Group>
        <TextInput
          type="datetime-local"
          label={texts.reminder}
          value={remindAt}
          onChange={(e) => setRemindAt(e.currentTarget.value)}
          error={fieldError(update.error, "remindAt")}
        />
        <LinkedRecordPicker value={linked} onChange={setLinked} />
        <Group justify="space-between" mt="sm">
          <Button variant="subtle" color="red" onClick={() => setConfirming(true)} disabled={!can("records.write")}>
            {texts.delete}
          </Button>
          <Group>
            <Button variant="default" onClick={onClose}>
              {texts.cancel}
            </Button>
            <Button type="submit" loading={update.isPending} disabled={!title.trim()}>
              {texts.save}
            </Button>
          </Group>
        </Group>
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title={texts.delete}
        message={texts.deleteConfirm}
        confirmLabel={texts.delete}
        loading={remove.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          remove.mutate(task.id, {
            onSuccess: () => {
              notifySuccess(texts.deleted);
              setConfirming(false);
              onClose();
            },
          })
        }
      />
    </form>
  );
}
