'use client';
// The browser-side context of every page: Mantine theme and notifications, and TanStack Query.
import { MantineProvider, Notification, createTheme, type CSSVariablesResolver } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { useState, type ReactNode } from 'react';
import { ApiCallError } from '@/lib/api/client';

// Nothing is announced before the page is in use, so the container and its transitions load after first paint;
// a notification shown earlier waits in Mantine's store and appears when the container mounts.
const Notifications = dynamic(() => import('@mantine/notifications').then((m) => m.Notifications), { ssr: false });

// Shade 9 keeps white text on filled buttons (and teal links) above WCAG AA contrast in both schemes.
const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: 9,
  defaultRadius: 'md',
  components: {
    // Mantine's close button is an icon only; without a name screen readers announce just "button".
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss notification' } } }),
  },
});

// Mantine's default "dimmed" grey, and the text of its light yellow, orange, red and teal variants (alerts, badges),
// are at or under 4.5:1 on their backgrounds in the light scheme; these keep them above WCAG AA. The dark "dimmed" is
// above it on a hovered row too (4.7:1 on dark-5, the matrix's row hover).
const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c636a',
    '--mantine-color-yellow-light-color': '#7c4a03',
    '--mantine-color-orange-light-color': '#9a3a0a',
    '--mantine-color-red-light-color': '#b02525',
    '--mantine-color-teal-light-color': '#06694b',
  },
  dark: { '--mantine-color-dimmed': '#a8a8a8' },
});

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
      <MantineProvider
        theme={theme}
        cssVariablesResolver={cssVariablesResolver}
        defaultColorScheme="auto"
        getStyleNonce={nonce ? () => nonce : undefined}
      >
        {/* Bottom right, never over the header's navigation; a few at most, the oldest making way. */}
        <Notifications position="bottom-right" limit={3} />
        {children}
      </MantineProvider>
    </QueryClientProvider>
  );
}
