// The matrix's fixed sizes: fixed rows and columns let the virtualizers place cells without measuring any.
export const keyColumnWidth = 300;
export const projectColumnWidth = 176;
export const headerHeight = 64;
export const rowHeight = 72;
/** Chips a cell shows before it says “+n more”; the tooltip and the accessible name always list every role. */
export const chipsPerCell = 2;
