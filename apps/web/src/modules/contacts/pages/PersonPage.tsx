import { RecordPage, type RecordPageConfig } from "../../records/record360/RecordPage";
import { contactsTexts } from "../contacts.texts";

const config: RecordPageConfig = {
  type: "contact",
  listTitle: contactsTexts.title,
  listPath: "/people",
  notFoundTitle: contactsTexts.notFoundTitle,
  notFound: contactsTexts.notFound,
};

/** /people/:id — the 360° page of a person. */
export function PersonPage() {
  return <RecordPage config={config} />;
}
