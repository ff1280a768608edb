import { describe, expect, it } from 'vitest';
import { readSignInState, safeReturnTo } from './return-to';
import { parseRuntimeConfig, resourceParams } from './runtime-config';

describe('config.json', () => {
  const oidc = { issuer: 'http://localhost:3000/oidc', clientId: 'kura-web', scope: 'openid email' };

  it('reads the OIDC settings, with null for what the provider does not need', () => {
    expect(parseRuntimeConfig({ profile: 'local', apiBaseUrl: '/api', oidc: { ...oidc, resource: null } })).toEqual({
      profile: 'local',
      apiBaseUrl: '/api',
      oidc: { ...oidc, authDomain: null, resource: null },
    });
  });

  it('names the missing field', () => {
    expect(() => parseRuntimeConfig({ oidc: { ...oidc, clientId: '' } })).toThrow('oidc.clientId');
    expect(() => parseRuntimeConfig({})).toThrow('oidc is missing');
  });

  it('sends a resource indicator only when it is an absolute URI (RFC 8707)', () => {
    expect(resourceParams('http://localhost:3000/api')).toEqual({ resource: 'http://localhost:3000/api' });
    expect(resourceParams('kura-api')).toEqual({});
    expect(resourceParams(null)).toEqual({});
  });
});

describe('where to return after signing in', () => {
  it('accepts paths inside the app', () => {
    expect(safeReturnTo('/todos/active')).toBe('/todos/active');
    expect(safeReturnTo('/admin/users?q=a#x')).toBe('/admin/users?q=a#x');
  });

  it('refuses other sites, protocol-relative URLs and the callback itself', () => {
    for (const value of ['https://evil.example/', '//evil.example', '/\\evil.example', '/auth/callback', 42, null]) {
      expect(safeReturnTo(value)).toBe('/');
    }
  });

  it('reads it from the sign-in state', () => {
    expect(readSignInState({ returnTo: '/todos' })).toEqual({ returnTo: '/todos' });
    expect(readSignInState(undefined)).toEqual({ returnTo: '/' });
  });
});
