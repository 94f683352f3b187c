import { Button, Divider, Group, Modal, NumberInput, Select, SimpleGrid, Stack, TagsInput, Text, TextInput } from "@mantine/core";
import type { LifecycleStage } from "@rapport/contract";
import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import { fieldError } from "../../../platform/api/field-errors";
import { useMe } from "../../../platform/auth/use-me";
import { notifySuccess } from "../../../platform/feedback/notify";
import { CustomFieldsInputs } from "../../records/components/CustomFieldsInputs";
import { lifecycleOptions } from "../../records/components/LifecycleBadge";
import { UserSelect } from "../../records/components/UserSelect";
import { useCustomInputs } from "../../records/components/use-custom-inputs";
import { useCustomFields } from "../../records/queries/custom-fields.queries";
import { useCreateRecord } from "../../records/queries/records.queries";
import { recordPath } from "../../records/record-types";
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
  const me = useMe();
  const navigate = useNavigate();
  const create = useCreateRecord("company");
  const customFields = useCustomFields("company");
  const custom = useCustomInputs(customFields.data);
  const [name, setName] = useState("");
  const [domain, setDomain] = useState("");
  const [industry, setIndustry] = useState("");
  const [employees, setEmployees] = useState<number | string>("");
  const [country, setCountry] = useState("");
  const [region, setRegion] = useState("");
  const [phones, setPhones] = useState<string[]>([]);
  const [stage, setStage] = useState<LifecycleStage>("lead");
  const [ownerId, setOwnerId] = useState<string | null>(me.user.id);
  const [tags, setTags] = useState<string[]>([]);
  const [nameMissing, setNameMissing] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameMissing(true);
      return;
    }
    setNameMissing(false);
    create.mutate(
      {
        name: name.trim(),
        domain: domain.trim() || null,
        industry: industry.trim() || null,
        employees: employees === "" ? null : Number(employees),
        country: country.trim() || null,
        region: region.trim() || null,
        phones,
        lifecycleStage: stage,
        ownerId,
        tags,
        custom: custom.stored(),
      },
      {
        onSuccess: (company) => {
          notifySuccess(texts.created(company.name));
          onDone();
          void navigate(recordPath("company", company.id));
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
            {texts.cancel}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {texts.create}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
