// Rules for text a person types: no control characters, and lengths counted as the upstream counts them.

/** C0 and C1 controls, DEL and the Unicode line and paragraph separators: none belongs in a name or a filter. */
export const controlCharacter = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export const hasControlCharacter = (text: string): boolean => controlCharacter.test(text);

/** The upstream (Java) counts UTF-16 code units, so an emoji counts two; zod's `max` counts code points. */
export const utf16Length = (text: string): number => text.length;
