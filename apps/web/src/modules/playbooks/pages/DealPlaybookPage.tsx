import { Anchor, Stack } from "@mantine/core";
import { Link, useParams } from "react-router";
import { PageHeader } from "../../../platform/shell/PageHeader";
import { DealPlaybookPanel } from "../components/DealPlaybookPanel";
import { playbooksTexts } from "../playbooks.texts";

/** /playbooks/deal/:id — a deal's playbook on its own page, until the deal page takes the panel. */
export function DealPlaybookPage() {
  const { id = "" } = useParams();
  return (
    <Stack maw={760}>
      <PageHeader
        title={playbooksTexts.deal.pageTitle}
        context={playbooksTexts.module}
        actions={
          <Anchor component={Link} to={`/deals/${id}`}>
            {playbooksTexts.deal.backToDeal}
          </Anchor>
        }
      />
      <DealPlaybookPanel dealId={id} />
    </Stack>
  );
}
