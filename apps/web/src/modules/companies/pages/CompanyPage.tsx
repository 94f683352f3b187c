import { RecordPage, type RecordPageConfig } from "../../records/record360/RecordPage";
import { companiesTexts } from "../companies.texts";

const config: RecordPageConfig = {
  type: "company",
  listTitle: companiesTexts.title,
  listPath: "/companies",
  notFoundTitle: companiesTexts.notFoundTitle,
  notFound: companiesTexts.notFound,
};

/** /companies/:id — the 360° page of a company. */
export function CompanyPage() {
  return <RecordPage config={config} />;
}
