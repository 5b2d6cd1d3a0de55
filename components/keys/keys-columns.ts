// The keys table's column layout, shared by the header, the virtualized rows and the skeleton so they stay aligned.
export const keyColumns = ['Description', 'Public key', 'Roles', 'Elsewhere'] as const;

export function gridTemplate(withActions: boolean): string {
  const base = 'minmax(13rem, 2.2fr) 11rem minmax(14rem, 2.4fr) minmax(12rem, 1.4fr)';
  // Two compact buttons side by side, never cut: "Edit roles" and "Unassign" with their icons and padding.
  return withActions ? `${base} 15rem` : base;
}

/** Below this width the columns would crush the chips; the table scrolls sideways instead. */
export const tableMinWidth = 66 * 16;
