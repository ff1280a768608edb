import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';
import type { AlertRuleInput } from '../rule-form';

type Target = { deviceId: string; ruleId?: string | undefined };

/** A new rule (no `ruleId`) or a replacement for one. */
export async function saveAlertRule(params: Target & { rule: AlertRuleInput }) {
  const path = { id: params.deviceId };
  if (params.ruleId === undefined) {
    return unwrap(
      await apiClient.POST('/api/telemetry/devices/{id}/alert-rules', { params: { path }, body: params.rule }),
    );
  }
  return unwrap(
    await apiClient.PUT('/api/telemetry/devices/{id}/alert-rules/{ruleId}', {
      params: { path: { ...path, ruleId: params.ruleId } },
      body: params.rule,
    }),
  );
}

export async function removeAlertRule(params: Target & { ruleId: string }) {
  await unwrap(
    await apiClient.DELETE('/api/telemetry/devices/{id}/alert-rules/{ruleId}', {
      params: { path: { id: params.deviceId, ruleId: params.ruleId } },
    }),
  );
}

/**
 * A change or removal clears what the rule had raised: the history, the
 * devices list (its open alerts) and the staff's todos all change with it.
 */
function invalidateAfterRuleChange(queryClient: QueryClient, deviceId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.telemetryAlerts.rules(deviceId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.telemetryAlerts.history(deviceId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.telemetry.devices }),
    queryClient.invalidateQueries({ queryKey: queryKeys.todos.list }),
    queryClient.invalidateQueries({ queryKey: queryKeys.auditLog.all }),
  ]);
}

export function useSaveAlertRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveAlertRule,
    onSuccess: (_rule, params) => invalidateAfterRuleChange(queryClient, params.deviceId),
  });
}

export function useRemoveAlertRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeAlertRule,
    onSettled: (_data, _error, params) => invalidateAfterRuleChange(queryClient, params.deviceId),
  });
}
