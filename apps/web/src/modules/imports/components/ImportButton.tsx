import { Button } from "@mantine/core";
import { IconUpload } from "@tabler/icons-react";
import { Link } from "react-router";
import { importsTexts } from "../imports.texts";

/** "Import" on a list page: opens the import wizard at its first step, for people or companies. */
export function ImportButton({ objectType = "contact" }: { objectType?: "contact" | "company" }) {
  return (
    <Button
      component={Link}
      to={objectType === "company" ? "/imports/new?type=company" : "/imports/new"}
      variant="default"
      leftSection={<IconUpload size={16} aria-hidden />}
    >
      {importsTexts.importButton}
    </Button>
  );
}
