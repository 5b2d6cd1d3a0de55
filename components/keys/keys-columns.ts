// The keys table's column layout, shared by the header, the virtualized rows and the skeleton so they stay aligned.
export const keyColumns = ['Description', 'Public key', 'Roles', 'Elsewhere'] as const;

export function gridTemplate(withActions: boolean): string {
  const base = 'minmax(12rem, 2fr) 12rem minmax(14rem, 3fr) minmax(11rem, 1.4fr)';
  return withActions ? `${base} 12.5rem` : base;
}

/** Below this width the columns would crush the chips; the table scrolls sideways instead. */
export const tableMinWidth = 62 * 16;
