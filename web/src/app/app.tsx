import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router/dom';
import { createQueryClient } from '@/lib/api/query-client';
import { auth } from '@/lib/auth/auth';
import { createRouter } from './router';

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createRouter);

  // Another account (or none) must never see the previous one's cached data.
  useEffect(() => {
    let subject = auth.getSnapshot().user?.profile.sub;
    return auth.subscribe(() => {
      const next = auth.getSnapshot().user?.profile.sub;
      if (next !== subject && auth.getSnapshot().status !== 'loading') {
        if (subject !== undefined) queryClient.clear();
        subject = next;
      }
    });
  }, [queryClient]);

  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
