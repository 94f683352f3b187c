import { Button, Menu, Select, Stack, Tabs } from "@mantine/core";
import { IconDownload, IconListCheck, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { usePermissions } from "../../../platform/auth/use-permissions";
import { EmptyState } from "../../../platform/feedback/EmptyState";
import { ErrorState } from "../../../platform/feedback/ErrorState";
import { notifyError } from "../../../platform/feedback/notify";
import { TableSkeleton } from "../../../platform/feedback/TableSkeleton";
import { PageHeader } from "../../../platform/shell/PageHeader";
import { CompareView } from "../components/CompareView";
import { GlobalEditor } from "../components/GlobalEditor";
import { VariantsTab } from "../components/VariantsTab";
import { playbooksTexts } from "../playbooks.texts";
import { exportHref, useCreatePlaybook, usePipelines, usePlaybooks } from "../queries/playbooks.queries";

const texts = playbooksTexts;

/** Settings › Playbooks: one playbook per pipeline, its global version, regional variants and their comparison. */
export function PlaybooksPage() {
  const { can } = usePermissions();
  const canEdit = can("sales.manage");
  const pipelines = usePipelines();
  const playbooks = usePlaybooks();
  const create = useCreatePlaybook();
  const [picked, setPicked] = useState<string | null>(null);
  const pipelineList = pipelines.data?.items ?? [];
  const pipeline = pipelineList.find((p) => p.id === picked) ?? pipelineList[0];
  const playbook = playbooks.data?.items.find((p) => p.pipelineId === pipeline?.id);

  const exportMenu = playbook && (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
          {texts.exportHtml}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {[{ region: "global", name: texts.compare.global }, ...playbook.variants].map((v) => (
          <Menu.Item key={v.region} component="a" href={exportHref(playbook.id, v.region)} download>
            {v.region === "global" ? v.name : texts.variantLabel(v)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );

  return (
    <>
      <PageHeader title={texts.settingsLabel} description={texts.description} context={texts.module} actions={exportMenu} />
      {pipelines.isPending || playbooks.isPending ? (
        <TableSkeleton rows={4} />
      ) : pipelines.isError || playbooks.isError ? (
        <ErrorState
          error={pipelines.error ?? playbooks.error}
          onRetry={() => {
            void pipelines.refetch();
            void playbooks.refetch();
          }}
        />
      ) : !pipeline ? (
        <EmptyState icon={<IconListCheck />} title={texts.noPlaybookTitle} description={texts.noPipelines} />
      ) : (
        <Stack>
          {pipelineList.length > 1 && (
            <Select
              label={texts.pipeline}
              data={pipelineList.map((p) => ({ value: p.id, label: p.name }))}
              value={pipeline.id}
              onChange={setPicked}
              allowDeselect={false}
              maw={320}
            />
          )}
          {!playbook ? (
            <EmptyState
              icon={<IconListCheck />}
              title={texts.noPlaybookTitle}
              description={texts.noPlaybook}
              action={
                canEdit && (
                  <Button
                    leftSection={<IconPlus size={16} aria-hidden />}
                    loading={create.isPending}
                    onClick={() =>
                      create.mutate(
                        { pipelineId: pipeline.id, name: texts.defaultName(pipeline.name), stages: [] },
                        { onError: (e) => notifyError(e) },
                      )
                    }
                  >
                    {texts.create}
                  </Button>
                )
              }
            />
          ) : (
            <Tabs defaultValue="global" keepMounted={false}>
              <Tabs.List mb="md">
                <Tabs.Tab value="global">{texts.tabs.global}</Tabs.Tab>
                <Tabs.Tab value="variants">{texts.tabs.variants}</Tabs.Tab>
                <Tabs.Tab value="compare">{texts.tabs.compare}</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="global">
                <GlobalEditor key={`${playbook.id}:${playbook.updatedAt}`} pipeline={pipeline} playbook={playbook} canEdit={canEdit} />
              </Tabs.Panel>
              <Tabs.Panel value="variants">
                <VariantsTab pipeline={pipeline} playbook={playbook} canEdit={canEdit} />
              </Tabs.Panel>
              <Tabs.Panel value="compare">
                <CompareView pipeline={pipeline} playbook={playbook} />
              </Tabs.Panel>
            </Tabs>
          )}
        </Stack>
      )}
    </>
  );
}
