import { Button, Group, TextInput } from "@mantine/core";
import type { CreateTaskBody } from "@rapport/contract";
import { type FormEvent, useState } from "react";
import { fieldError } from "../../../platform/api/field-errors";
import { notifyError, notifySuccess } from "../../../platform/feedback/notify";
import { dueFromInputs } from "../due";
import { useCreateTask } from "../queries/tasks.queries";
import { tasksTexts } from "../tasks.texts";
import { LinkedRecordPicker, type LinkedRef } from "./LinkedRecordPicker";

const texts = tasksTexts.quickAdd;

/**
 * Title, due date (a time makes it a timed task) and, unless `linked` is fixed (a record's
 * panel), the person or company it is about. Enter in the title adds it.
 */
export function QuickAddTask({ linked, compact = false }: { linked?: CreateTaskBody["linked"]; compact?: boolean }) {
  const create = useCreateTask();
  const [title, setTitle] = useState("");
  const [date, setDate] = useState("");
  const [time, setTime] = useState("");
  const [about, setAbout] = useState<LinkedRef | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return;
    const link = linked ?? (about ? { type: about.type, id: about.id } : null);
    create.mutate(
      { title: title.trim(), ...dueFromInputs(date, time), linked: link },
      {
        onSuccess: () => {
          setTitle("");
          setDate("");
          setTime("");
          setAbout(null);
          notifySuccess(texts.added);
        },
        onError: (error) => {
          if (!fieldError(error, "title")) notifyError(error);
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} aria-label={texts.title}>
      <Group align="flex-end" gap="xs" wrap={compact ? "wrap" : "nowrap"}>
        <TextInput
          label={texts.title}
          placeholder={texts.titlePlaceholder}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={fieldError(create.error, "title")}
          maxLength={500}
          style={{ flex: 2, minWidth: 180 }}
        />
        <TextInput type="date" label={texts.date} value={date} onChange={(e) => setDate(e.currentTarget.value)} style={{ minWidth: 140 }} />
        <TextInput
          type="time"
          label={texts.time}
          value={time}
          onChange={(e) => setTime(e.currentTarget.value)}
          disabled={!date}
          style={{ minWidth: 110 }}
        />
        {!linked && (
          <div style={{ flex: 1, minWidth: 180 }}>
            <LinkedRecordPicker value={about} onChange={setAbout} />
          </div>
        )}
        <Button type="submit" loading={create.isPending} disabled={!title.trim()}>
          {texts.add}
        </Button>
      </Group>
    </form>
  );
}
