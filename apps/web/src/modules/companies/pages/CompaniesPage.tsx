import { IconBuilding } from "@tabler/icons-react";
import { ImportButton } from "../../imports/components/ImportButton";
import { type RecordListConfig, RecordListPage } from "../../records/list/RecordListPage";
import { companiesTexts } from "../companies.texts";
import { NewCompanyModal } from "../components/NewCompanyModal";

const config: RecordListConfig = {
  type: "company",
  title: companiesTexts.title,
  description: companiesTexts.description,
  allLabel: companiesTexts.allView,
  searchPlaceholder: companiesTexts.searchPlaceholder,
  newLabel: companiesTexts.newCompany,
  emptyTitle: companiesTexts.emptyTitle,
  emptyDescription: companiesTexts.empty,
  icon: <IconBuilding />,
  defaultColumns: ["domain", "industry", "country", "employees", "lifecycleStage", "ownerId", "lastInteractionAt"],
  CreateModal: NewCompanyModal,
  writeActions: <ImportButton objectType="company" />,
};

export function CompaniesPage() {
  return <RecordListPage config={config} />;
}
