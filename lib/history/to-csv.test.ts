import { describe, expect, it } from 'vitest';
import type { ChangeRecord } from './change';
import { changesToCsv } from './to-csv';

const record: ChangeRecord = {
  id: '6f1c2d4e-0000-4000-8000-000000000001',
  origin: 'console',
  createdAt: '2025-01-02T03:04:05.000Z',
  completedAt: null,
  actor: 'ann@example.com',
  action: 'update_roles',
  groupId: '5e2211c17a3e5a48f5497de3',
  kind: 'key',
  apiKeyId: '5d1113b25a115342acc2d1aa',
  clientId: null,
  secretId: null,
  publicKey: 'abcdefgh',
  keyDesc: 'plain',
  rolesBefore: ['GROUP_READ_ONLY'],
  rolesAfter: ['GROUP_OWNER', 'GROUP_READ_ONLY'],
  outcome: 'failure',
  errorCode: 'X',
  detail: null,
  settledBy: null,
  eventType: null,
  remoteAddress: null,
};

const rowsOf = (csv: string) => csv.split('\r\n');

describe('changesToCsv', () => {
  it('writes a header row and one CRLF-terminated row per record', () => {
    const csv = changesToCsv([record]);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(rowsOf(csv)[0]).toBe(
      'id,origin,createdAt,completedAt,actor,action,groupId,apiKeyId,publicKey,keyDesc,rolesBefore,rolesAfter,outcome,errorCode,detail,settledBy,eventType,remoteAddress,kind,clientId,secretId',
    );
    expect(rowsOf(csv)[1]).toBe(
      '6f1c2d4e-0000-4000-8000-000000000001,console,2025-01-02T03:04:05.000Z,,ann@example.com,update_roles,5e2211c17a3e5a48f5497de3,5d1113b25a115342acc2d1aa,abcdefgh,plain,GROUP_READ_ONLY,GROUP_OWNER GROUP_READ_ONLY,failure,X,,,,,key,,',
    );
    expect(changesToCsv([])).toBe(`${rowsOf(csv)[0]}\r\n`);
  });

  it.each([
    ['a comma', 'a, b', '"a, b"'],
    ['quotes', 'say "hi"', '"say ""hi"""'],
    ['a line break', 'one\ntwo', '"one\ntwo"'],
    ['a CRLF', 'one\r\ntwo', '"one\r\ntwo"'],
  ])('quotes a value containing %s (RFC 4180)', (_name, keyDesc, expected) => {
    expect(changesToCsv([{ ...record, keyDesc }])).toContain(`,abcdefgh,${expected},GROUP_READ_ONLY,`);
  });

  it.each([
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTAB', "'\tTAB"],
    ['\r=CR', `"'\r=CR"`],
  ])('neutralizes a formula in %j', (keyDesc, expected) => {
    expect(changesToCsv([{ ...record, keyDesc }])).toContain(`,abcdefgh,${expected},GROUP_READ_ONLY,`);
  });

  it('leaves values that merely contain formula characters alone', () => {
    expect(changesToCsv([{ ...record, keyDesc: 'a=b+c-d@e' }])).toContain(',a=b+c-d@e,');
  });
});
