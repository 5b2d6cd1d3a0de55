'use client';
// A Mantine anchor that navigates with Next's Link, usable from server components (which cannot pass Link as a prop).
import { Anchor, type AnchorProps } from '@mantine/core';
import Link from 'next/link';
import type { ReactNode } from 'react';

export function LinkAnchor({ href, children, ...props }: AnchorProps & { href: string; children: ReactNode }) {
  return (
    <Anchor component={Link} href={href} {...props}>
      {children}
    </Anchor>
  );
}
