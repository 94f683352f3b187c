import type { LifecycleStage } from "@rapport/contract";
import { useState } from "react";
import { useNavigate } from "react-router";
import { fieldError } from "../../../platform/api/field-errors";
import { useMe } from "../../../platform/auth/use-me";
import { notifySuccess } from "../../../platform/feedback/notify";
import { useCustomFields } from "../queries/custom-fields.queries";
import { type RecordCreate, useCreateRecord } from "../queries/records.queries";
import { type RecordType, recordPath } from "../record-types";
import { useCustomInputs } from "./use-custom-inputs";

type OwnedFields = "lifecycleStage" | "ownerId" | "tags" | "custom";
/** A person's or a company's create body without the fields this hook fills in. */
type OwnBody = RecordCreate extends infer T ? (T extends unknown ? Omit<T, OwnedFields> : never) : never;

/**
 * What the "new person" and "new company" forms share: the create call, custom field inputs,
 * lifecycle stage / owner / tags (the owner defaults to the signed-in user), and what happens
 * once created (a notice, then the new record's page).
 */
export function useNewRecord(type: RecordType, onDone: () => void, createdText: (name: string) => string) {
  const me = useMe();
  const navigate = useNavigate();
  const create = useCreateRecord(type);
  const customFields = useCustomFields(type);
  const custom = useCustomInputs(customFields.data);
  const [stage, setStage] = useState<LifecycleStage>("lead");
  const [ownerId, setOwnerId] = useState<string | null>(me.user.id);
  const [tags, setTags] = useState<string[]>([]);

  const save = (body: OwnBody) =>
    create.mutate({ ...body, lifecycleStage: stage, ownerId, tags, custom: custom.stored() } as RecordCreate, {
      onSuccess: (record) => {
        notifySuccess(createdText(record.name ?? ""));
        onDone();
        void navigate(recordPath(type, record.id));
      },
    });

  const error = (field: string) => fieldError(create.error, field);
  return {
    save,
    error,
    frame: { onCancel: onDone, pending: create.isPending, customFields: customFields.data, custom, error: create.error },
    ownership: { stage, onStage: setStage, ownerId, onOwner: setOwnerId, tags, onTags: setTags, error },
  };
}
