import { IconUsers } from "@tabler/icons-react";
import { ImportButton } from "../../imports/components/ImportButton";
import { type RecordListConfig, RecordListPage } from "../../records/list/RecordListPage";
import { NewPersonModal } from "../components/NewPersonModal";
import { contactsTexts } from "../contacts.texts";

const config: RecordListConfig = {
  type: "contact",
  title: contactsTexts.title,
  description: contactsTexts.description,
  allLabel: contactsTexts.allView,
  searchPlaceholder: contactsTexts.searchPlaceholder,
  newLabel: contactsTexts.newPerson,
  emptyTitle: contactsTexts.emptyTitle,
  emptyDescription: contactsTexts.empty,
  icon: <IconUsers />,
  defaultColumns: ["title", "companyId", "email", "lifecycleStage", "ownerId", "lastInteractionAt"],
  CreateModal: NewPersonModal,
  writeActions: <ImportButton />,
};

export function PeoplePage() {
  return <RecordListPage config={config} />;
}
