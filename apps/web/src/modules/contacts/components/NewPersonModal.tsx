import { Modal, TagsInput, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { CompanySelect } from "../../records/components/CompanySelect";
import { NewRecordForm, OwnershipInputs } from "../../records/components/NewRecordForm";
import { useNewRecord } from "../../records/components/use-new-record";
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
  const form = useNewRecord("contact", onDone, texts.created);
  const [firstName, setFirstName] = useState("");
  const [lastName, setLastName] = useState("");
  const [emails, setEmails] = useState<string[]>([]);
  const [phones, setPhones] = useState<string[]>([]);
  const [title, setTitle] = useState("");
  const [company, setCompany] = useState<{ id: string; name: string | null } | null>(null);
  const [role, setRole] = useState("");
  const [nameMissing, setNameMissing] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!firstName.trim() && !lastName.trim()) {
      setNameMissing(true);
      return;
    }
    setNameMissing(false);
    form.save({
      firstName: firstName.trim(),
      lastName: lastName.trim(),
      emails,
      phones,
      title: title.trim() || null,
      companies: company ? [{ companyId: company.id, role: role.trim() || null, isPrimary: true }] : [],
    });
  };
  const error = form.error;

  return (
    <NewRecordForm onSubmit={submit} {...form.frame} texts={texts}>
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
      <OwnershipInputs {...form.ownership} texts={texts} />
    </NewRecordForm>
  );
}
