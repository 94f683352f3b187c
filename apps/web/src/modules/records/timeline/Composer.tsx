import { Autocomplete, Button, Group, MultiSelect, NumberInput, SegmentedControl, Stack, Text, TextInput } from "@mantine/core";
import type { BodyOf, interactionEndpoints } from "@rapport/contract";
import { IconCalendarEvent, IconNote, IconPhone } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { fieldError } from "../../../platform/api/field-errors";
import { randomUuid } from "../../../platform/api/random-uuid";
import { notifySuccess } from "../../../platform/feedback/notify";
import { useLogInteraction } from "../queries/timeline.queries";
import { useUserDirectory } from "../queries/users.queries";
import { type CustomerRecord, isContact } from "../record-types";
import { recordsTexts } from "../records.texts";
import { MentionTextarea } from "./MentionTextarea";
import { type Mention, toMarkup } from "./mentions";
import { fromLocalInput, toLocalInput } from "./time-input";

const texts = recordsTexts.composer;
type Kind = "note" | "call" | "meeting";
type CreateBody = BodyOf<typeof interactionEndpoints.create>;

const OUTCOMES = texts.outcomes;

/** Who a logged interaction is about: it shows on each of their timelines. */
export type InteractionParties = { contactIds: string[]; companyIds: string[] };

/** A record's interactions are about it; a person's also link their companies, so they show on the company's timeline too. */
export function partiesOf(record: CustomerRecord): InteractionParties {
  return isContact(record)
    ? { contactIds: [record.id], companyIds: record.companies.map((c) => c.companyId) }
    : { contactIds: [], companyIds: [record.id] };
}

/**
 * Logs a note (with @mentions), a call (direction, duration, outcome) or a meeting (start, end,
 * location, attendees) about the given people and companies (a record's page, a deal's page).
 */
export function Composer({ parties, onLogged }: { parties: InteractionParties; onLogged?: () => void }) {
  const log = useLogInteraction();
  const { active } = useUserDirectory();
  const [kind, setKind] = useState<Kind>("note");
  const [subject, setSubject] = useState("");
  const [body, setBody] = useState("");
  const [mentions, setMentions] = useState<Mention[]>([]);
  const [direction, setDirection] = useState<"outbound" | "inbound">("outbound");
  const [minutes, setMinutes] = useState<number | string>("");
  const [outcome, setOutcome] = useState("");
  /** Empty means "now" (the server's time when it is saved). */
  const [when, setWhen] = useState("");
  const [ends, setEnds] = useState("");
  const [location, setLocation] = useState("");
  const [attendees, setAttendees] = useState<string[]>([]);
  const [idempotencyKey, setIdempotencyKey] = useState(randomUuid);
  const [localError, setLocalError] = useState<string | null>(null);

  const reset = () => {
    setSubject("");
    setBody("");
    setMentions([]);
    setMinutes("");
    setOutcome("");
    setWhen("");
    setEnds("");
    setLocation("");
    setAttendees([]);
    setIdempotencyKey(randomUuid());
    setLocalError(null);
    log.reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setLocalError(null);
    const occurredAt = kind === "note" ? null : fromLocalInput(when);
    if (kind === "note" && body.trim() === "") {
      setLocalError(texts.noteRequired);
      return;
    }
    const endsAt = kind === "meeting" && ends ? fromLocalInput(ends) : null;
    if (kind === "meeting" && occurredAt && endsAt && endsAt < occurredAt) {
      setLocalError(texts.endBeforeStart);
      return;
    }
    const text = body.trim() ? toMarkup(body.trim(), mentions) : null;
    const payload: CreateBody = {
      type: kind,
      ...parties,
      ...(occurredAt ? { occurredAt } : {}),
      subject: subject.trim() || null,
      body: text,
      ...(kind === "call"
        ? {
            direction,
            durationSeconds: minutes === "" ? null : Math.round(Number(minutes) * 60),
            outcome: outcome.trim() || null,
          }
        : {}),
      ...(kind === "meeting"
        ? {
            endsAt,
            location: location.trim() || null,
            attendeeIds: attendees,
            durationSeconds: occurredAt && endsAt ? Math.round((Date.parse(endsAt) - Date.parse(occurredAt)) / 1000) : null,
          }
        : {}),
    };
    log.mutate(
      { body: payload, idempotencyKey },
      {
        onSuccess: () => {
          notifySuccess(texts.logged[kind]);
          reset();
          onLogged?.();
        },
      },
    );
  };

  const error = (field: string) => fieldError(log.error, field);

  return (
    <form onSubmit={submit} aria-label={texts.label}>
      <Stack gap="xs">
        <SegmentedControl
          value={kind}
          onChange={(v) => {
            setKind(v as Kind);
            // A meeting needs a start to show its time; calls and notes default to now.
            if (v === "meeting" && when === "") setWhen(toLocalInput(new Date()));
          }}
          aria-label={texts.kind}
          size="xs"
          data={[
            { value: "note", label: <Label icon={<IconNote size={14} aria-hidden />} text={texts.kinds.note} /> },
            { value: "call", label: <Label icon={<IconPhone size={14} aria-hidden />} text={texts.kinds.call} /> },
            { value: "meeting", label: <Label icon={<IconCalendarEvent size={14} aria-hidden />} text={texts.kinds.meeting} /> },
          ]}
          style={{ alignSelf: "flex-start" }}
        />
        {kind !== "note" && (
          <TextInput
            label={texts.subject}
            placeholder={kind === "call" ? texts.callSubjectPlaceholder : texts.meetingSubjectPlaceholder}
            value={subject}
            onChange={(e) => setSubject(e.currentTarget.value)}
            maxLength={500}
            error={error("subject")}
            size="sm"
          />
        )}
        {kind === "call" && (
          <Group gap="xs" align="flex-end" wrap="wrap">
            <Stack gap={4}>
              <Text size="sm" fw={500} id="composer-direction">
                {texts.direction}
              </Text>
              <SegmentedControl
                size="xs"
                aria-labelledby="composer-direction"
                value={direction}
                onChange={(v) => setDirection(v as "outbound" | "inbound")}
                data={[
                  { value: "outbound", label: texts.outbound },
                  { value: "inbound", label: texts.inbound },
                ]}
              />
            </Stack>
            <NumberInput
              label={texts.duration}
              value={minutes}
              onChange={setMinutes}
              min={0}
              max={24 * 60}
              w={130}
              size="sm"
              error={error("durationSeconds")}
            />
            <Autocomplete
              label={texts.outcome}
              data={OUTCOMES}
              value={outcome}
              onChange={setOutcome}
              maxLength={100}
              style={{ flex: "1 1 160px" }}
              size="sm"
              error={error("outcome")}
              comboboxProps={{ withinPortal: true }}
            />
            <TextInput
              label={texts.when}
              description={texts.whenHint}
              type="datetime-local"
              value={when}
              onChange={(e) => setWhen(e.currentTarget.value)}
              size="sm"
              w={210}
              error={error("occurredAt")}
            />
          </Group>
        )}
        {kind === "meeting" && (
          <>
            <Group gap="xs" wrap="wrap">
              <TextInput
                label={texts.starts}
                type="datetime-local"
                value={when}
                onChange={(e) => setWhen(e.currentTarget.value)}
                size="sm"
                w={210}
                error={error("occurredAt")}
              />
              <TextInput
                label={texts.ends}
                type="datetime-local"
                value={ends}
                onChange={(e) => setEnds(e.currentTarget.value)}
                size="sm"
                w={210}
                error={error("endsAt")}
              />
              <TextInput
                label={texts.location}
                value={location}
                onChange={(e) => setLocation(e.currentTarget.value)}
                maxLength={300}
                size="sm"
                style={{ flex: "1 1 160px" }}
                error={error("location")}
              />
            </Group>
            <MultiSelect
              label={texts.attendees}
              placeholder={attendees.length === 0 ? texts.attendeesPlaceholder : undefined}
              data={active.map((u) => ({ value: u.id, label: u.name }))}
              value={attendees}
              onChange={setAttendees}
              searchable
              clearable
              size="sm"
              error={error("attendeeIds")}
              comboboxProps={{ withinPortal: true }}
            />
          </>
        )}
        <MentionTextarea
          label={kind === "note" ? texts.note : texts.notes}
          placeholder={texts.bodyPlaceholder}
          autosize
          minRows={kind === "note" ? 3 : 2}
          maxRows={12}
          value={body}
          onChange={setBody}
          onMention={(m) => setMentions((all) => [...all.filter((x) => x.userId !== m.userId), m])}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
          error={localError ?? error("body") ?? error("contactIds")}
          size="sm"
        />
        <Group justify="space-between" gap="xs">
          <Text size="xs" c="dimmed">
            {texts.hint}
          </Text>
          <Button type="submit" loading={log.isPending} size="sm">
            {texts.submit[kind]}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Label({ icon, text }: { icon: React.ReactNode; text: string }) {
  return (
    <Group gap={6} wrap="nowrap" justify="center">
      {icon}
      <span>{text}</span>
    </Group>
  );
}
