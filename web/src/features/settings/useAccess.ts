import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { membersApi, shareLinksApi } from '../../api/accounts';
import { queryKeys } from '../../api/boards';
import { isApiError } from '../../api/http';
import type { AddMemberRequest, BoardMember, BoardRole, CreatedShareLink, ShareView } from '../../api/types';
import { useCurrentUser } from '../auth/AuthProvider';

const noRetryOn4xx = (failures: number, error: Error) =>
  !(isApiError(error) && error.status >= 400 && error.status < 500) && failures < 2;

export function useMembers(boardId: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.members(boardId),
    queryFn: ({ signal }) => membersApi.list(boardId, signal),
    enabled,
    retry: noRetryOn4xx,
  });
}

/**
 * Add a person, change a role, remove one. Each refreshes the list; a change to one's own role
 * also refreshes the board (and the board list), since what the person may do has changed.
 */
export function useMemberCommands(boardId: string) {
  const queryClient = useQueryClient();
  const me = useCurrentUser();
  const refresh = (userId?: string) => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.members(boardId) });
    if (userId && userId === me?.id) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.board(boardId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.boards });
    }
  };
  // The answer is put in the list at once, so the row shows it before the refetch comes back.
  const upsert = (member: BoardMember) =>
    queryClient.setQueryData<BoardMember[]>(queryKeys.members(boardId), (list) =>
      list && (list.some((m) => m.userId === member.userId) ? list.map((m) => (m.userId === member.userId ? member : m)) : [...list, member]),
    );
  const add = useMutation<BoardMember, Error, AddMemberRequest>({
    mutationFn: (body) => membersApi.add(boardId, body),
    onSuccess: (member) => {
      upsert(member);
      refresh(member.userId);
    },
  });
  const setRole = useMutation<BoardMember, Error, { userId: string; role: BoardRole }>({
    mutationFn: ({ userId, role }) => membersApi.setRole(boardId, userId, role),
    onSuccess: upsert,
    onSettled: (_data, _error, { userId }) => refresh(userId),
  });
  const remove = useMutation<void, Error, string>({
    mutationFn: (userId) => membersApi.remove(boardId, userId),
    onSuccess: (_data, userId) =>
      queryClient.setQueryData<BoardMember[]>(queryKeys.members(boardId), (list) => list?.filter((m) => m.userId !== userId)),
    onSettled: (_data, _error, userId) => refresh(userId),
  });
  return { add, setRole, remove };
}

export function useShareLinks(boardId: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.shareLinks(boardId),
    queryFn: ({ signal }) => shareLinksApi.list(boardId, signal),
    enabled,
    retry: noRetryOn4xx,
  });
}

export function useShareLinkCommands(boardId: string) {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: queryKeys.shareLinks(boardId) });
  const create = useMutation<CreatedShareLink, Error, ShareView>({
    mutationFn: (view) => shareLinksApi.create(boardId, view),
    onSettled: refresh,
  });
  const revoke = useMutation<void, Error, string>({
    mutationFn: (id) => shareLinksApi.revoke(id),
    onSettled: refresh,
  });
  return { create, revoke };
}
