import { describe, expect, it } from 'vitest';
import { flavors } from '@/lib/roles';
import { flavorOf, hasServiceAccounts, mediaTypeOf } from './flavor';

describe('flavorOf', () => {
  it.each([
    ['https://cloud.mongodb.com/api/public/v1.0', 'cloud-manager'],
    ['https://cloud.mongodb.com/api/public/v1.0/', 'cloud-manager'],
    ['https://opsmgr.example.com:8443/api/public/v1.0', 'ops-manager'],
    ['http://127.0.0.1:4000/api/public/v1.0', 'ops-manager'],
    ['https://cloud.mongodb.com/api/atlas/v1.0', 'atlas-v1'],
    ['https://cloud.mongodb.com/api/atlas/v2', 'atlas-v2'],
  ])('%s → %s', (url, flavor) => {
    expect(flavorOf(new URL(url))).toBe(flavor);
  });

  it.each(['https://cloud.mongodb.com', 'https://cloud.mongodb.com/api/atlas/v1.5', 'https://cloud.mongodb.com/api/atlas/v2/groups'])(
    'refuses %s, which the configuration does not let through',
    (url) => {
      expect(() => flavorOf(new URL(url))).toThrow(RangeError);
      expect(() => flavorOf(new URL(url))).toThrow(/is not an Admin API root/);
    },
  );

  it('takes the product of an /api/public/v1.0 server from ATLAS_PRODUCT when given', () => {
    expect(flavorOf(new URL('http://127.0.0.1:4000/api/public/v1.0'), 'cloud-manager')).toBe('cloud-manager');
    expect(flavorOf(new URL('https://opsmgr.example.com/api/public/v1.0'), 'ops-manager')).toBe('ops-manager');
    expect(flavorOf(new URL('https://cloud.mongodb.com/api/atlas/v2'), 'ops-manager')).toBe('atlas-v2');
  });

  it('knows where service accounts exist', () => {
    expect(flavors.filter(hasServiceAccounts)).toEqual(['cloud-manager', 'atlas-v2']);
    expect(mediaTypeOf('atlas-v2', 'serviceAccounts')).toBe('application/vnd.atlas.2024-08-05+json');
  });

  it('speaks the versioned media type on v2 only', () => {
    expect(mediaTypeOf('atlas-v2')).toBe('application/vnd.atlas.2023-01-01+json');
    expect(mediaTypeOf('atlas-v2', 'users')).toBe('application/vnd.atlas.2025-02-19+json');
    expect(mediaTypeOf('atlas-v1')).toBe('application/json');
    expect(mediaTypeOf('ops-manager', 'users')).toBe('application/json');
  });
});
