import { notifyManager, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-error';

// Cache updates reach components in a microtask rather than the default
// setTimeout(0): an optimistic update made in a checkbox's change handler then
// renders before the browser paints the control flipped back by React.
notifyManager.setScheduler(queueMicrotask);

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => failureCount < 2 && (!(error instanceof ApiError) || error.isRetryable),
      },
    },
  });
}
