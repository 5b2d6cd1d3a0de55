// Mantine's MultiSelect as a module of its own: the chunk DeferredMultiSelect loads after first paint.
import { MultiSelect, type MultiSelectProps } from '@mantine/core';
import type { ComponentType, Ref } from 'react';

// Fixed to string values: the generic signature would widen to every primitive through React.lazy.
const StringMultiSelect: ComponentType<MultiSelectProps & { ref?: Ref<HTMLInputElement> }> = MultiSelect;
export default StringMultiSelect;
