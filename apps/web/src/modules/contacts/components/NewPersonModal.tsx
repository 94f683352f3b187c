import { Button, Divider, Group, Modal, Select, SimpleGrid, Stack, TagsInput, Text, TextInput } from "@mantine/core";
import type { LifecycleStage } from "@rapport/contract";
import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import { fieldError } from "../../../platform/api/field-errors";
import { useMe } from "../../../platform/auth/use-me";
import { notifySuccess } from "../../../platform/feedback/notify";
import { CompanySelect } from "../../records/components/CompanySelect";
import { CustomFieldsInputs } from "../../records/components/CustomFieldsInputs";
import { lifecycleOptions } from "../../records/components/LifecycleBadge";
import { UserSelect } from "../../records/components/UserSelect";
import { useCustomInputs } from "../../records/components/use-custom-inputs";
import { useCustomFields } from "../../records/queries/custom-fields.queries";
import { useCreateRecord } from "../../records/queries/records.queries";
import { recordPath } from "../../records/record-types";
import { contactsTexts } from "../contacts.texts";

const texts = contactsTexts;

export function NewPersonModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={texts.createTitle} centered size="lg">
      {opened && <NewPersonForm onDone={onClose} />}
    </Modal>
  );
}

function NewPersonForm({ onDone }: { onDone: () => void }) {
  const me = useMe();
  const navigate = useNavigate();
  const create = useCreateRecord("contact");
  const customFields = useCustomFields("contact");
  const custom = useCustomInputs(customFields.data);
  const [firstName, setFirstName] = useState("");
  const [lastName, setLastName] = useState("");
  const [emails, setEmails] = useState<string[]>([]);
  const [phones, setPhones] = useState<string[]>([]);
  const [title, setTitle] = useState("");
  const [company, setCompany] = useState<{ id: string; name: string | null } | null>(null);
  const [role, setRole] = useState("");
  const [stage, setStage] = useState<LifecycleStage>("lead");
  const [ownerId, setOwnerId] = useState<string | null>(me.user.id);
  const [tags, setTags] = useState<string[]>([]);
  const [nameMissing, setNameMissing] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!firstName.trim() && !lastName.trim()) {
      setNameMissing(true);
      return;
    }
    setNameMissing(false);
    create.mutate(
      {
        firstName: firstName.trim(),
        lastName: lastName.trim(),
        emails,
        phones,
        title: title.trim() || null,
        lifecycleStage: stage,
        ownerId,
        tags,
        custom: custom.stored(),
        companies: company ? [{ companyId: company.id, role: role.trim() || null, isPrimary: true }] : [],
      },
      {
        onSuccess: (person) => {
          notifySuccess(texts.created(person.name));
          onDone();
          void navigate(recordPath("contact", person.id));
        },
      },
    );
  };

  const error = (field: string) => fieldError(create.error, field);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
          <TextInput
            label={texts.firstName}
            data-autofocus
            value={firstName}
            onChange={(e) => setFirstName(e.currentTarget.value)}
            maxLength={200}
            error={error("firstName")}
          />
          <TextInput
            label={texts.lastName}
            value={lastName}
            onChange={(e) => setLastName(e.currentTarget.value)}
            maxLength={200}
            error={(nameMissing ? texts.nameRequired : undefined) ?? error("lastName")}
          />
          <TagsInput
            label={texts.emails}
            description={texts.emailsDescription}
            value={emails}
            onChange={setEmails}
            acceptValueOnBlur
            splitChars={[",", " ", ";"]}
            error={error("emails")}
          />
          <TagsInput
            label={texts.phones}
            description={texts.phonesDescription}
            value={phones}
            onChange={setPhones}
            acceptValueOnBlur
            splitChars={[",", ";"]}
            error={error("phones")}
          />
          <TextInput
            label={texts.jobTitle}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            maxLength={200}
            error={error("title")}
          />
          <CompanySelect
            label={texts.company}
            value={company?.id ?? null}
            valueLabel={company?.name ?? undefined}
            onChange={(id, name) => setCompany(id ? { id, name } : null)}
            error={error("companies")}
          />
          {company && <TextInput label={texts.role} value={role} onChange={(e) => setRole(e.currentTarget.value)} maxLength={100} />}
          <Select
            label={texts.lifecycleStage}
            data={lifecycleOptions}
            value={stage}
            onChange={(v) => v && setStage(v as LifecycleStage)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <UserSelect label={texts.owner} value={ownerId} onChange={setOwnerId} allowNone error={error("ownerId")} />
          <TagsInput label={texts.tags} value={tags} onChange={setTags} acceptValueOnBlur error={error("tags")} />
        </SimpleGrid>
        {(customFields.data?.length ?? 0) > 0 && (
          <>
            <Divider label={<Text size="xs">{texts.customFields}</Text>} labelPosition="left" />
            <CustomFieldsInputs fields={customFields.data ?? []} values={custom.values} onChange={custom.set} error={create.error} />
          </>
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {contactsTexts.cancel}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {texts.create}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
