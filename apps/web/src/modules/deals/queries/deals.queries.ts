import { type Board, type BodyOf, type Deal, type DealHistory, dealEndpoints, type FieldInfo, pipelineEndpoints } from "@rapport/contract";
import { keepPreviousData, type QueryClient, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiCall } from "../../../platform/api/api-client";
import { notifyError } from "../../../platform/feedback/notify";
import { moveCardOnBoard } from "../board/board-move";
import { dealsTexts } from "../deals.texts";
import { type DealFilters, filtersToQuery } from "./deal-filters";
import { dealKeys } from "./deals.keys";

const PAGE = 20;

/**
 * The board of a pipeline: per stage the count, totals and the first cards. A refetch (realtime,
 * after a move) asks for as many cards per column as the user had loaded, so "load more" survives it.
 */
export function useBoard(pipelineId: string | null, filters: DealFilters) {
  const queryClient = useQueryClient();
  const key = dealKeys.board(pipelineId ?? "", filters);
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => {
      const loaded = queryClient.getQueryData<Board>(key)?.columns.reduce((max, c) => Math.max(max, c.deals.length), 0) ?? 0;
      const limit = Math.min(100, Math.max(PAGE, loaded));
      return apiCall(pipelineEndpoints.board, { params: { id: pipelineId ?? "" }, query: { ...filtersToQuery(filters), limit }, signal });
    },
    enabled: pipelineId !== null,
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[2] === pipelineId ? previous : undefined),
    meta: { notifyErrors: false },
  });
}

/** The next cards of one column, appended to the cached board. */
export function useLoadMoreCards(pipelineId: string, filters: DealFilters) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ stageId, cursor }: { stageId: string; cursor: string }) =>
      apiCall(pipelineEndpoints.boardStage, {
        params: { id: pipelineId, stageId },
        query: { ...filtersToQuery(filters), limit: PAGE, cursor },
      }),
    onSuccess: (page, { stageId }) => {
      queryClient.setQueryData<Board>(dealKeys.board(pipelineId, filters), (board) =>
        board
          ? {
              ...board,
              columns: board.columns.map((c) => {
                if (c.stageId !== stageId) return c;
                const seen = new Set(c.deals.map((d) => d.id));
                return { ...c, deals: [...c.deals, ...page.items.filter((d) => !seen.has(d.id))], nextCursor: page.nextCursor };
              }),
            }
          : board,
      );
    },
  });
}

type MoveVars = { dealId: string; stageId: string; lostReason?: string | null };

/** After any change to a deal: boards, lists, the deal, its history and the 360° panels are stale. */
export function invalidateDeal(queryClient: QueryClient, id?: string) {
  void queryClient.invalidateQueries({ queryKey: dealKeys.boards });
  void queryClient.invalidateQueries({ queryKey: dealKeys.lists });
  void queryClient.invalidateQueries({ queryKey: dealKeys.related });
  if (id) {
    void queryClient.invalidateQueries({ queryKey: dealKeys.detail(id) });
    void queryClient.invalidateQueries({ queryKey: dealKeys.history(id) });
  }
}

/**
 * Moves a deal to a stage. On the board the card moves at once (with the totals); if the server
 * refuses, every board goes back to how it was and the user is told.
 */
export function useMoveDeal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ dealId, stageId, lostReason }: MoveVars) =>
      apiCall(dealEndpoints.move, { params: { id: dealId }, body: { stageId, ...(lostReason ? { lostReason } : {}) } }),
    onMutate: async ({ dealId, stageId }) => {
      await queryClient.cancelQueries({ queryKey: dealKeys.boards });
      const before = queryClient.getQueriesData<Board>({ queryKey: dealKeys.boards });
      for (const [key, board] of before) {
        if (board) queryClient.setQueryData<Board>(key, moveCardOnBoard(board, dealId, stageId));
      }
      return { before };
    },
    onError: (error, _vars, context) => {
      for (const [key, board] of context?.before ?? []) queryClient.setQueryData(key, board);
      notifyError(error, dealsTexts.board.moveFailed);
    },
    onSuccess: (deal) => queryClient.setQueryData(dealKeys.detail(deal.id), deal),
    onSettled: (_deal, _error, { dealId }) => invalidateDeal(queryClient, dealId),
    meta: { notifyErrors: false },
  });
}

/** Deals as a list, a page at a time. */
export function useDealList(query: Record<string, unknown>) {
  return useInfiniteQuery({
    queryKey: dealKeys.list(query),
    queryFn: ({ pageParam, signal }) => apiCall(dealEndpoints.list, { query: { ...query, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    meta: { notifyErrors: false },
  });
}

/** What deal lists and the board can filter on (GET /deals/fields). */
export function useDealFields() {
  return useQuery({
    queryKey: dealKeys.fields,
    queryFn: async ({ signal }): Promise<FieldInfo[]> => (await apiCall(dealEndpoints.fields, { signal })).items,
    staleTime: 5 * 60_000,
  });
}

/** The deals of a company or a person (their 360° panel). */
export function useRelatedDeals(field: "companyId" | "contactId", id: string) {
  return useQuery({
    queryKey: dealKeys.relatedOf(field, id),
    queryFn: ({ signal }) => apiCall(dealEndpoints.list, { query: { limit: 50, filter: { [field]: { eq: id } } }, signal }),
    meta: { notifyErrors: false },
  });
}

export function useDeal(id: string) {
  return useQuery({
    queryKey: dealKeys.detail(id),
    queryFn: ({ signal }): Promise<Deal> => apiCall(dealEndpoints.get, { params: { id }, signal }),
    meta: { notifyErrors: false },
  });
}

export function useDealHistory(id: string) {
  return useQuery({
    queryKey: dealKeys.history(id),
    queryFn: ({ signal }): Promise<DealHistory> => apiCall(dealEndpoints.history, { params: { id }, signal }),
    meta: { notifyErrors: false },
  });
}

export function useCreateDeal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof dealEndpoints.create>) => apiCall(dealEndpoints.create, { body }),
    onSuccess: () => invalidateDeal(queryClient),
  });
}

export function useUpdateDeal(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof dealEndpoints.update>) => apiCall(dealEndpoints.update, { params: { id }, body }),
    onSuccess: (deal) => {
      queryClient.setQueryData(dealKeys.detail(id), deal);
      invalidateDeal(queryClient, id);
    },
  });
}

export function useTrashDeal(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiCall(dealEndpoints.remove, { params: { id } }),
    onSuccess: () => invalidateDeal(queryClient, id),
  });
}

export function useRestoreDeal(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiCall(dealEndpoints.restore, { params: { id } }),
    onSuccess: (deal) => {
      queryClient.setQueryData(dealKeys.detail(id), deal);
      invalidateDeal(queryClient, id);
    },
  });
}
