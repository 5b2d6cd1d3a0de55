// The matrix's fixed sizes: fixed rows and columns let the virtualizers place cells without measuring any.
import type { Density } from './audit-view-state';

export const keyColumnWidth = 320;
/** Comfortable columns fit the longest short role name ("Stream Processing Owner"); compact ones fit three tier icons. */
export const projectColumnWidths: Record<Density, number> = { comfortable: 224, compact: 76 };
/** Compact headers write the project name upwards, so a narrow column still shows it whole. */
export const headerHeights: Record<Density, number> = { comfortable: 80, compact: 190 };
/** Two lines of description and three of details: reach, last use, organization roles. */
export const rowHeight = 108;
/** Chips a cell shows before it says “+n more”; the title and the accessible name always list every role. */
export const chipsPerCell = 2;
/** Tier icons a compact cell shows before “+n”. */
export const iconsPerCell = 3;
