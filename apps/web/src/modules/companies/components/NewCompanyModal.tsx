import { Modal, NumberInput, TagsInput, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { NewRecordForm, OwnershipInputs } from "../../records/components/NewRecordForm";
import { useNewRecord } from "../../records/components/use-new-record";
import { companiesTexts } from "../companies.texts";

const texts = companiesTexts;

export function NewCompanyModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={texts.createTitle} centered size="lg">
      {opened && <NewCompanyForm onDone={onClose} />}
    </Modal>
  );
}

function NewCompanyForm({ onDone }: { onDone: () => void }) {
  const form = useNewRecord("company", onDone, texts.created);
  const [name, setName] = useState("");
  const [domain, setDomain] = useState("");
  const [industry, setIndustry] = useState("");
  const [employees, setEmployees] = useState<number | string>("");
  const [country, setCountry] = useState("");
  const [region, setRegion] = useState("");
  const [phones, setPhones] = useState<string[]>([]);
  const [nameMissing, setNameMissing] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameMissing(true);
      return;
    }
    setNameMissing(false);
    form.save({
      name: name.trim(),
      domain: domain.trim() || null,
      industry: industry.trim() || null,
      employees: employees === "" ? null : Number(employees),
      country: country.trim() || null,
      region: region.trim() || null,
      phones,
    });
  };
  const error = form.error;

  return (
    <NewRecordForm onSubmit={submit} {...form.frame} texts={texts}>
      <TextInput
        label={texts.name}
        required
        data-autofocus
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        maxLength={300}
        error={(nameMissing ? texts.nameRequired : undefined) ?? error("name")}
      />
      <TextInput
        label={texts.domain}
        description={texts.domainDescription}
        value={domain}
        onChange={(e) => setDomain(e.currentTarget.value)}
        maxLength={253}
        error={error("domain")}
      />
      <TextInput
        label={texts.industry}
        value={industry}
        onChange={(e) => setIndustry(e.currentTarget.value)}
        maxLength={100}
        error={error("industry")}
      />
      <NumberInput
        label={texts.employees}
        value={employees}
        onChange={setEmployees}
        min={0}
        allowDecimal={false}
        error={error("employees")}
      />
      <TextInput
        label={texts.country}
        description={texts.countryDescription}
        value={country}
        onChange={(e) => setCountry(e.currentTarget.value.toUpperCase())}
        maxLength={2}
        error={error("country")}
      />
      <TextInput
        label={texts.region}
        value={region}
        onChange={(e) => setRegion(e.currentTarget.value)}
        maxLength={100}
        error={error("region")}
      />
      <TagsInput
        label={texts.phones}
        value={phones}
        onChange={setPhones}
        acceptValueOnBlur
        splitChars={[",", ";"]}
        error={error("phones")}
      />
      <OwnershipInputs {...form.ownership} texts={texts} />
    </NewRecordForm>
  );
}
