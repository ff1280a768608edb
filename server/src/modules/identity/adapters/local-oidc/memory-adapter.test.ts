import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryAdapterFactory } from './memory-adapter.js';

describe('the in-memory provider adapter', () => {
  const memory = createMemoryAdapterFactory();
  afterEach(() => {
    vi.useRealTimers();
  });

  it('finds by id, uid and user code within a model, consumes, and forgets expired entries', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const sessions = memory.factory('Session');
    const codes = memory.factory('AuthorizationCode');
    await sessions.upsert('s1', { uid: 'u1', accountId: 'a' }, 60);
    await codes.upsert('c1', { grantId: 'g1', userCode: 'ABCD' }, 30);
    expect(await sessions.find('s1')).toMatchObject({ accountId: 'a' });
    expect(await codes.find('s1')).toBeUndefined();
    expect(await sessions.findByUid('u1')).toMatchObject({ accountId: 'a' });
    expect(await codes.findByUserCode('ABCD')).toMatchObject({ grantId: 'g1' });
    await codes.consume('c1');
    expect((await codes.find('c1'))?.consumed).toEqual(expect.any(Number));
    vi.advanceTimersByTime(31_000);
    expect(await codes.find('c1')).toBeUndefined();
    expect(await sessions.find('s1')).toBeDefined();
  });

  it('revokes everything of a grant at once', async () => {
    const access = memory.factory('AccessToken');
    const refresh = memory.factory('RefreshToken');
    await access.upsert('at', { grantId: 'g2' }, 60);
    await refresh.upsert('rt', { grantId: 'g2' }, 60);
    await refresh.upsert('other', { grantId: 'g3' }, 60);
    await access.revokeByGrantId('g2');
    expect(await access.find('at')).toBeUndefined();
    expect(await refresh.find('rt')).toBeUndefined();
    expect(await refresh.find('other')).toBeDefined();
    await refresh.destroy('other');
    expect(await refresh.find('other')).toBeUndefined();
    memory.close();
  });
});
