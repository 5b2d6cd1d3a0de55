// Links a Mantine Select's or MultiSelect's input to its option list once the list is open.
import { useEffect, useReducer, useState } from 'react';

/**
 * Mantine points the input at the list (aria-controls, aria-expanded) with the list id it knew at its last render, and a
 * list that mounts on opening registers its id only after that render: until something renders again the open list is
 * unlinked, so assistive technology is not told it opened and axe takes it for a scrolling box the keyboard cannot reach.
 * One more render once the list is in links them. Spread the result into the Select's props.
 */
export function useOptionListLink(): { onDropdownOpen: () => void; onDropdownClose: () => void } {
  const [opened, setOpened] = useState(false);
  const [, renderAgain] = useReducer((renders: number) => renders + 1, 0);
  useEffect(() => {
    if (!opened) return;
    const frame = requestAnimationFrame(renderAgain);
    return () => cancelAnimationFrame(frame);
  }, [opened]);
  return { onDropdownOpen: () => setOpened(true), onDropdownClose: () => setOpened(false) };
}
