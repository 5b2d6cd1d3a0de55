import { describe, expect, it, vi } from 'vitest';
import { AnswerMemo, jsonOf, share } from './answer-memo';

const parse = (bytes: Buffer) => () => JSON.parse(bytes.toString()) as { results: { id: string; roles: string[] }[] };
const body = (roles: string[]) => Buffer.from(JSON.stringify({ results: [{ id: 'a', roles }] }));

describe('AnswerMemo', () => {
  it('decodes a body identical to the last one of its target once, and hands out the same frozen value', () => {
    const memo = new AnswerMemo();
    const decode = vi.fn(parse(body(['R'])));
    const first = memo.decode('GET /x', body(['R']), decode);
    const second = memo.decode('GET /x', body(['R']), decode);
    expect(decode).toHaveBeenCalledTimes(1);
    expect(second).toBe(first);
    expect(Object.isFrozen(first.results[0]?.roles)).toBe(true);
    expect(() => first.results[0]?.roles.push('S')).toThrow(TypeError);
  });

  it('decodes again when the body changed, and keeps targets apart', () => {
    const memo = new AnswerMemo();
    const before = memo.decode('GET /x', body(['R']), parse(body(['R'])));
    const after = memo.decode('GET /x', body(['S']), parse(body(['S'])));
    const elsewhere = memo.decode('GET /y', body(['S']), parse(body(['S'])));
    expect(after.results[0]?.roles).toEqual(['S']);
    expect(before.results[0]?.roles).toEqual(['R']);
    expect(elsewhere).not.toBe(after);
  });

  it('remembers nothing of a body that failed to decode', () => {
    const memo = new AnswerMemo();
    const failing = vi.fn((): object => {
      throw new Error('invalid');
    });
    expect(() => memo.decode('GET /x', Buffer.from('garbage'), failing)).toThrow('invalid');
    expect(() => memo.decode('GET /x', Buffer.from('garbage'), failing)).toThrow('invalid');
    expect(failing).toHaveBeenCalledTimes(2);
  });

  it('forgets the least recently used target beyond its limit', () => {
    const memo = new AnswerMemo(2);
    const decode = vi.fn(parse(body([])));
    memo.decode('a', body([]), decode);
    memo.decode('b', body([]), decode);
    memo.decode('a', body([]), decode);
    memo.decode('c', body([]), decode);
    expect(decode).toHaveBeenCalledTimes(3);
    memo.decode('a', body([]), decode);
    expect(decode).toHaveBeenCalledTimes(3);
    memo.decode('b', body([]), decode);
    expect(decode).toHaveBeenCalledTimes(4);
  });
});

describe('share', () => {
  it('carries the JSON of the value, made once; a copy is a plain value without it', () => {
    const value = share({ results: [{ id: 'a', roles: ['R'] }], totalCount: 1 });
    const json = jsonOf(value);
    expect(Buffer.from(json!).toString()).toBe('{"results":[{"id":"a","roles":["R"]}],"totalCount":1}');
    expect(jsonOf(value)).toBe(json);
    expect(jsonOf({ ...value })).toBeUndefined();
    expect(jsonOf({ results: value.results.map((k) => k), totalCount: 1 })).toBeUndefined();
    expect(JSON.stringify(value)).toBe(Buffer.from(json!).toString());
  });
});
