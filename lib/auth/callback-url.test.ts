import { describe, expect, it } from 'vitest';
import { localCallbackPath } from './callback-url';

const own = 'https://keys.example.com';

describe('localCallbackPath', () => {
  it.each([
    ['/projects/abc?x=1#top', '/projects/abc?x=1#top'],
    ['/audit', '/audit'],
    ['https://keys.example.com/activity', '/activity'],
    ['https://keys.example.com//evil.example/x', '/evil.example/x'],
    ['//evil.example', '/projects'],
    ['/\\evil.example', '/projects'],
    ['\\\\evil.example', '/projects'],
    ['/\t/evil.example', '/projects'],
    ['/\n/evil.example', '/projects'],
    [' //evil.example', '/projects'],
    ['https://evil.example/projects', '/projects'],
    ['https:evil.example', '/evil.example'],
    ['http://keys.example.com/projects', '/projects'],
    ['javascript:alert(1)', '/projects'],
    ['http://[', '/projects'],
    ['', '/projects'],
    [undefined, '/projects'],
  ])('%j → %j', (value, expected) => {
    expect(localCallbackPath(value, own)).toBe(expected);
  });

  it('agrees with how a browser resolves the answer: every result stays on the own origin', () => {
    for (const value of ['//evil.example', '/\\evil.example', '/\t/evil.example', 'https://keys.example.com//evil.example']) {
      expect(new URL(localCallbackPath(value, own), own).origin).toBe(own);
    }
  });
});
