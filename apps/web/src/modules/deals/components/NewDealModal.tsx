import { ActionIcon, Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import type { Pipeline } from "@rapport/contract";
import { IconPlus, IconX } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import { fieldError } from "../../../platform/api/field-errors";
import { useMe } from "../../../platform/auth/use-me";
import { notifySuccess } from "../../../platform/feedback/notify";
import { CompanySelect } from "../../records/components/CompanySelect";
import { UserSelect } from "../../records/components/UserSelect";
import { CurrencySelect } from "../../settings/components/CurrencySelect";
import { dealsTexts } from "../deals.texts";
import { useCreateDeal } from "../queries/deals.queries";
import { MoneyInput } from "./MoneyInput";
import { PersonSelect } from "./PersonSelect";
import { PipelineSelect } from "./PipelineSelect";
import { StageSelect } from "./StageSelect";

const texts = dealsTexts.create;

export type NewDealDefaults = {
  pipelineId?: string | null;
  companyId?: string | null;
  companyName?: string | null;
  contactId?: string | null;
  contactName?: string | null;
};

export function NewDealModal({
  opened,
  onClose,
  pipelines,
  defaults,
}: {
  opened: boolean;
  onClose: () => void;
  pipelines: readonly Pipeline[];
  defaults?: NewDealDefaults;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={texts.title} centered size="lg">
      {opened && <NewDealForm onDone={onClose} pipelines={pipelines} defaults={defaults ?? {}} />}
    </Modal>
  );
}

type ContactRow = { key: number; contactId: string | null; name: string | null; role: string };

function NewDealForm({ onDone, pipelines, defaults }: { onDone: () => void; pipelines: readonly Pipeline[]; defaults: NewDealDefaults }) {
  const me = useMe();
  const navigate = useNavigate();
  const create = useCreateDeal();
  const [name, setName] = useState("");
  const [pipelineId, setPipelineId] = useState<string | null>(defaults.pipelineId ?? pipelines[0]?.id ?? null);
  const pipeline = pipelines.find((p) => p.id === pipelineId);
  const [stageId, setStageId] = useState<string | null>(null);
  const [amount, setAmount] = useState<number | null>(null);
  const [currency, setCurrency] = useState(me.workspace.defaultCurrency);
  const [close, setClose] = useState("");
  const [company, setCompany] = useState<{ id: string; name: string | null } | null>(
    defaults.companyId ? { id: defaults.companyId, name: defaults.companyName ?? null } : null,
  );
  const [contacts, setContacts] = useState<ContactRow[]>(
    defaults.contactId ? [{ key: 0, contactId: defaults.contactId, name: defaults.contactName ?? null, role: "" }] : [],
  );
  const [ownerId, setOwnerId] = useState<string | null>(me.user.id);
  const [nameMissing, setNameMissing] = useState(false);
  const firstOpenStage = pipeline?.stages.find((s) => s.kind === "open")?.id ?? null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameMissing(true);
      return;
    }
    setNameMissing(false);
    const linked = contacts.filter((c): c is ContactRow & { contactId: string } => c.contactId !== null);
    create.mutate(
      {
        name: name.trim(),
        ...(pipelineId ? { pipelineId } : {}),
        ...((stageId ?? firstOpenStage) ? { stageId: stageId ?? firstOpenStage ?? undefined } : {}),
        amountMinor: amount ?? 0,
        currency,
        expectedCloseDate: close || null,
        companyId: company?.id ?? null,
        ownerId,
        contacts: linked.map((c) => ({ contactId: c.contactId, role: c.role.trim() || null })),
      },
      {
        onSuccess: (deal) => {
          notifySuccess(texts.created(deal.name));
          onDone();
          void navigate(`/deals/${deal.id}`);
        },
      },
    );
  };
  const error = (field: string) => fieldError(create.error, field);
  const setRow = (key: number, patch: Partial<ContactRow>) =>
    setContacts((rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={texts.name}
          data-autofocus
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          maxLength={300}
          error={(nameMissing ? texts.nameRequired : undefined) ?? error("name")}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
          <PipelineSelect
            label={texts.pipeline}
            pipelines={pipelines}
            value={pipelineId}
            onChange={(id) => {
              setPipelineId(id);
              setStageId(null);
            }}
            error={error("pipelineId")}
          />
          <StageSelect
            label={texts.stage}
            pipeline={pipeline}
            value={stageId ?? firstOpenStage}
            onChange={setStageId}
            error={error("stageId")}
          />
          <MoneyInput label={texts.amount} value={amount} currency={currency} onChange={setAmount} error={error("amountMinor")} />
          <CurrencySelect
            label={texts.currency}
            value={currency}
            onChange={setCurrency}
            error={error("currency")}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            type="date"
            label={texts.close}
            value={close}
            onChange={(e) => setClose(e.currentTarget.value)}
            error={error("expectedCloseDate")}
          />
          <UserSelect label={texts.owner} value={ownerId} onChange={setOwnerId} allowNone error={error("ownerId")} />
          <CompanySelect
            label={texts.company}
            value={company?.id ?? null}
            valueLabel={company?.name ?? undefined}
            onChange={(id, companyName) => setCompany(id ? { id, name: companyName } : null)}
            error={error("companyId")}
          />
        </SimpleGrid>
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            {texts.contacts}
          </Text>
          {contacts.map((row) => (
            <Group key={row.key} gap="xs" align="flex-end" wrap="nowrap">
              <PersonSelect
                label={texts.contact}
                value={row.contactId}
                valueLabel={row.name}
                onChange={(contactId, personName) => setRow(row.key, { contactId, name: personName })}
                style={{ flex: 1 }}
              />
              <TextInput
                label={texts.role}
                placeholder={texts.rolePlaceholder}
                value={row.role}
                onChange={(e) => setRow(row.key, { role: e.currentTarget.value })}
                maxLength={100}
                style={{ flex: 1 }}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                mb={4}
                aria-label={texts.removeContact(row.name ?? texts.contact)}
                onClick={() => setContacts((rows) => rows.filter((r) => r.key !== row.key))}
              >
                <IconX size={16} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          {error("contacts") && (
            <Text size="xs" c="red">
              {error("contacts")}
            </Text>
          )}
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            style={{ alignSelf: "flex-start" }}
            onClick={() => setContacts((rows) => [...rows, { key: Date.now(), contactId: null, name: null, role: "" }])}
          >
            {texts.addContact}
          </Button>
        </Stack>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {dealsTexts.common.cancel}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {texts.submit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
