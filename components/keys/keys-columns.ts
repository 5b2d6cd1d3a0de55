// The keys table's columns, shared by the header, the virtualized rows and the skeleton (their layout: keys-table.module.css).
export const keyColumns = ['Description', 'Public key', 'Roles', 'Elsewhere'] as const;
