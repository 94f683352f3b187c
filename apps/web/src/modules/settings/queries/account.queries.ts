import { type BodyOf, iamEndpoints } from "@rapport/contract";
import { useMutation } from "@tanstack/react-query";
import { apiCall } from "../../../platform/api/api-client";

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: BodyOf<typeof iamEndpoints.changePassword>) => apiCall(iamEndpoints.changePassword, { body }),
    // The form shows a wrong current password next to the field.
    meta: { notifyErrors: false },
  });
}
