// A Mantine MultiSelect whose code loads after first paint. Until the person reaches for it (focus, pointer) or the
// browser is idle, a text input with the same label, placeholder and size stands in; what was typed there and the
// focus move over to the real one, so keyboard and screen-reader users lose nothing in the swap.
import { ComboboxChevron, TextInput, type ComboboxData, type MultiSelectProps } from '@mantine/core';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useOptionListLink } from './use-option-list-link';

const load = () => import('./mantine-multi-select');
const MultiSelect = lazy(load);

export function DeferredMultiSelect(props: MultiSelectProps) {
  const [loaded, setLoaded] = useState(false);
  const [ready, setReady] = useState(false);
  const [typed, setTyped] = useState('');
  const standIn = useRef<HTMLInputElement>(null);
  // Rendered only once its chunk is in: a failed download leaves the stand-in (the next focus tries again)
  // instead of an error that would take the whole page down.
  const want = useCallback(() => {
    void load().then(
      () => setLoaded(true),
      () => undefined,
    );
  }, []);
  useEffect(() => whenIdle(want), [want]);
  const listLink = useOptionListLink();

  // Called as the real input is attached, before the browser paints: it takes the focus if the stand-in had it,
  // then the stand-in goes, so both are never seen together.
  const takeOver = useCallback((input: HTMLInputElement | null) => {
    if (!input) return;
    if (standIn.current !== null && document.activeElement === standIn.current) {
      input.focus();
      // The caret goes after the text carried over; a non-searchable MultiSelect has none (and no selection to set).
      if (input.value) input.setSelectionRange(input.value.length, input.value.length);
    }
    setReady(true);
  }, []);

  const { label, description, error, withAsterisk, required, disabled, size, radius, w, placeholder, value, data } = props;
  const chosen = value?.length ? labelsOf(data, value).join(', ') : undefined;
  return (
    <>
      {!ready && (
        <TextInput
          ref={standIn}
          {...{ label, description, error, withAsterisk, required, disabled, size, radius, w }}
          // Chosen values cannot be pills before the real control arrives; their names stand in for them.
          placeholder={chosen ?? placeholder}
          value={typed}
          onChange={(event) => setTyped(event.currentTarget.value)}
          onFocus={want}
          onPointerEnter={want}
          rightSection={<ComboboxChevron size={size} />}
          rightSectionPointerEvents="none"
          role="combobox"
          aria-expanded={false}
          aria-haspopup="listbox"
          aria-autocomplete="list"
          autoComplete="off"
        />
      )}
      {loaded && (
        <Suspense fallback={null}>
          <MultiSelect
            // The list itself scrolls, not a ScrollArea inside it, and is linked to the input once open: see RoleMultiSelect.
            withScrollArea={false}
            styles={{ options: { maxHeight: 280, overflowY: 'auto' } }}
            {...props}
            onDropdownOpen={() => {
              listLink.onDropdownOpen();
              props.onDropdownOpen?.();
            }}
            onDropdownClose={() => {
              listLink.onDropdownClose();
              props.onDropdownClose?.();
            }}
            ref={takeOver}
            defaultSearchValue={typed || props.defaultSearchValue}
          />
        </Suspense>
      )}
    </>
  );
}

function labelsOf(data: ComboboxData | undefined, values: readonly string[]): string[] {
  const items = (data ?? []).flatMap((entry) => (typeof entry === 'object' && 'group' in entry ? entry.items : [entry]));
  const label = (value: string) => {
    const item = items.find((i) => (typeof i === 'string' ? i : i.value) === value);
    return typeof item === 'object' && 'label' in item ? item.label : value;
  };
  return values.map(label);
}

/** Runs work once the browser has nothing more urgent to do; returns the cancel. Safari has no requestIdleCallback. */
function whenIdle(run: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(run);
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(run, 200);
  return () => window.clearTimeout(id);
}
