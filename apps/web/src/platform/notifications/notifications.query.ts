import { notificationEndpoints } from "@rapport/contract";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiCall } from "../api/api-client";

/** Realtime `notification` events refresh this key (see RealtimeProvider). */
export const notificationsKey = ["notifications"] as const;

export function useNotifications() {
  return useQuery({
    queryKey: notificationsKey,
    queryFn: ({ signal }) => apiCall(notificationEndpoints.list, { signal }),
    // The realtime stream rings the bell at once; this only catches up after a lost connection.
    refetchInterval: 120_000,
    meta: { notifyErrors: false },
  });
}

export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (ids: string[]) => {
      for (const id of ids) await apiCall(notificationEndpoints.markRead, { params: { id } });
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}
