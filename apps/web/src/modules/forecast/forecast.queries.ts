import { type ForecastGroupBy, type ForecastMeasure, forecastEndpoints, quotaEndpoints } from "@rapport/contract";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiCall } from "../../platform/api/api-client";

export const forecastKey = ["forecast"] as const;
export const quotasKey = ["quotas"] as const;

export function useForecast(period: string, groupBy: ForecastGroupBy) {
  return useQuery({
    queryKey: [...forecastKey, "figures", period, groupBy],
    queryFn: ({ signal }) => apiCall(forecastEndpoints.get, { query: { period, groupBy }, signal }),
  });
}

export type DrillDown = {
  period: string;
  groupBy: ForecastGroupBy;
  measure: ForecastMeasure;
  key: string | null | undefined;
  currency: string;
};

/** The deals behind one number, 50 at a time. */
export function useForecastDeals(d: DrillDown | null) {
  return useInfiniteQuery({
    queryKey: [...forecastKey, "deals", d],
    enabled: d !== null,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ signal, pageParam }) => {
      const q = d as DrillDown;
      return apiCall(forecastEndpoints.deals, {
        query: {
          period: q.period,
          groupBy: q.groupBy,
          measure: q.measure,
          currency: q.currency,
          ...(q.key === undefined ? {} : { key: q.key ?? "none" }),
          ...(pageParam ? { cursor: pageParam } : {}),
        },
        signal,
      });
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useAccuracy() {
  return useQuery({
    queryKey: [...forecastKey, "accuracy"],
    queryFn: ({ signal }) => apiCall(forecastEndpoints.accuracy, { query: { kind: "quarter", periods: 4 }, signal }),
  });
}

export function useSalesMetrics(period: string) {
  return useQuery({
    queryKey: [...forecastKey, "metrics", period],
    queryFn: ({ signal }) => apiCall(forecastEndpoints.metrics, { query: { period }, signal }),
  });
}

export function useQuotas() {
  return useQuery({ queryKey: quotasKey, queryFn: ({ signal }) => apiCall(quotaEndpoints.list, { signal }) });
}

export function useSaveQuota() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { userId?: string; teamId?: string; period: string; amountMinor: number; currency: string }) =>
      apiCall(quotaEndpoints.create, { body }),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: quotasKey }), client.invalidateQueries({ queryKey: forecastKey })]),
  });
}

export function useRemoveQuota() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiCall(quotaEndpoints.remove, { params: { id } }),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: quotasKey }), client.invalidateQueries({ queryKey: forecastKey })]),
  });
}
