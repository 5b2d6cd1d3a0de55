// Atlas v2's dated media types: what Accept must say, and the Content-Type that comes back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestedVersion } from './media-type';
import { startEmulator, type RunningEmulator } from './server';
import { credentials, fixtureSeed, ids } from './testing/fixture-seed';
import { surfaceClient, testSurfaces, type ErrorJson } from './testing/surface-client';

describe('requestedVersion', () => {
  it.each([
    ['application/vnd.atlas.2023-01-01+json', '2023-01-01'],
    ['application/vnd.atlas.2024-08-05+json; charset=utf-8', '2024-08-05'],
    ['text/html, application/vnd.atlas.2023-02-01+json;q=0.9', '2023-02-01'],
    ['application/json', undefined],
    ['*/*', undefined],
    [undefined, undefined],
    ['application/vnd.atlas.2022-12-31+json', undefined],
    ['application/vnd.atlas.2023-02-30+json', undefined],
    ['application/vnd.atlas.2999-01-01+json', undefined],
    ['application/vnd.atlas.2023-01-01+gzip', undefined],
    ['application/vnd.atlas.20230101+json', undefined],
  ])('%s → %s', (accept, version) => {
    expect(requestedVersion(accept)).toBe(version);
  });
});

describe('Accept on the surfaces', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ seed: fixtureSeed() });
  });
  afterAll(() => emulator.close());
  const path = `/groups/${ids.p1}/apiKeys`;

  it('v2 refuses an unversioned or malformed Accept with 406 INVALID_VERSION_DATE', async () => {
    const api = surfaceClient(emulator.url, testSurfaces[2]!, credentials.console);
    for (const accept of ['application/json', '*/*', 'application/vnd.atlas.2023-13-01+json', 'application/vnd.atlas.2021-01-01+json']) {
      const answer = await api<ErrorJson>('GET', path, undefined, { accept });
      expect(answer.status).toBe(406);
      expect(answer.body).toMatchObject({ errorCode: 'INVALID_VERSION_DATE', detail: 'Invalid accept header or version date.', reason: 'Not Acceptable' });
    }
  });

  it('v2 answers with the media type it was asked for', async () => {
    const api = surfaceClient(emulator.url, testSurfaces[2]!, credentials.console);
    for (const version of ['2023-01-01', '2024-08-05']) {
      const answer = await api('GET', path, undefined, { accept: `application/vnd.atlas.${version}+json` });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe(`application/vnd.atlas.${version}+json`);
    }
  });

  it('v1.0 surfaces answer application/json whatever Accept says', async () => {
    for (const surface of testSurfaces.slice(0, 2)) {
      const api = surfaceClient(emulator.url, surface, credentials.console);
      const answer = await api('GET', path, undefined, { accept: '*/*' });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('application/json');
    }
  });
});
