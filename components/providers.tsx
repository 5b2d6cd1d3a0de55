'use client';
// The browser-side context of every page: Mantine theme and notifications, and TanStack Query.
import { MantineProvider, createTheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ApiCallError } from '@/lib/api/client';

const theme = createTheme({ primaryColor: 'teal', defaultRadius: 'md' });

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // A 4xx will not change by asking again; the upstream's transient failures are already retried server-side.
        retry: (count, error) => count < 1 && !(error instanceof ApiCallError && error.status < 500),
      },
    },
  });
}

export function Providers({ children, nonce }: { children: ReactNode; nonce?: string }) {
  const [queryClient] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme} defaultColorScheme="auto" getStyleNonce={nonce ? () => nonce : undefined}>
        <Notifications position="top-right" />
        {children}
      </MantineProvider>
    </QueryClientProvider>
  );
}
