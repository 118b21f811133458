'use client';
import { useState, type ReactNode } from 'react';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { AppRouter } from '@/server/routers/_app';
import { TRPCProvider } from './lib/trpc';
import { LocaleProvider } from './i18n/locale';

/** A session that ended (idle, password changed, signed out elsewhere): back to the login page, then here. */
function toLoginWhenSignedOut(error: unknown): void {
  if ((error as { data?: { httpStatus?: number } }).data?.httpStatus !== 401) return;
  const here = `${window.location.pathname}${window.location.search}`;
  window.location.assign(`/login?next=${encodeURIComponent(here)}`);
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false } },
        queryCache: new QueryCache({ onError: toLoginWhenSignedOut }),
        mutationCache: new MutationCache({ onError: toLoginWhenSignedOut }),
      }),
  );
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: '/api/trpc' })] }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <LocaleProvider>{children}</LocaleProvider>
      </TRPCProvider>
    </QueryClientProvider>
  );
}
