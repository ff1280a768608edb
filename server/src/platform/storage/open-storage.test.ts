import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config/config.js';
import { uploadForm } from './object-storage.contract.js';
import { openObjectStorage } from './open-storage.js';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'kura-open-storage-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('choosing the object store from config', () => {
  it('is the local folder by default, and S3 when the media bucket is configured (as the API task is)', () => {
    expect(loadConfig({}).storage).toEqual({ driver: 'filesystem', uploadSecret: undefined });
    expect(loadConfig({ KURA_MEDIA_BUCKET: 'kura-media-dev', AWS_REGION: 'ap-northeast-1' }).storage).toEqual({
      driver: 's3',
      bucket: 'kura-media-dev',
      region: 'ap-northeast-1',
      endpoint: undefined,
    });
    expect(loadConfig({}).media.maxUploadBytes).toBe(10 * 1024 * 1024);
  });

  it.each([
    [
      { KURA_STORAGE_DRIVER: 's3', AWS_REGION: 'ap-northeast-1' },
      /^KURA_MEDIA_BUCKET and AWS_REGION must be set .*missing KURA_MEDIA_BUCKET/,
    ],
    [{ KURA_MEDIA_BUCKET: 'b' }, /missing AWS_REGION/],
    [{ KURA_STORAGE_DRIVER: 'gcs' }, /^KURA_STORAGE_DRIVER must be filesystem or s3/],
    [{ KURA_UPLOAD_SECRET: 'short' }, /^KURA_UPLOAD_SECRET must be at least 32 characters$/],
    [{ KURA_MEDIA_MAX_UPLOAD_BYTES: '10' }, /^KURA_MEDIA_MAX_UPLOAD_BYTES must be at least 1024/],
  ])('fails fast on %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never echoes the upload secret', () => {
    expect(() => loadConfig({ KURA_UPLOAD_SECRET: 'hunter2' })).not.toThrow(/hunter2/);
  });

  it('keeps one signing secret per data dir (owner-only), so a form signed before a restart still works', async () => {
    const config = { driver: 'filesystem' as const, uploadSecret: undefined };
    const before = await openObjectStorage({ config, dataDir, fallbackRoot: dataDir });
    const upload = await before.presignUpload({
      key: 'up/a.png',
      contentType: 'image/png',
      maxBytes: 10,
      expiresInSeconds: 60,
    });
    expect((await stat(join(dataDir, 'upload-secret'))).mode & 0o777).toBe(0o600);
    const after = await openObjectStorage({ config, dataDir, fallbackRoot: dataDir });
    await after.receiveUpload?.(uploadForm(upload, new Uint8Array(5)));
    expect(await after.head('up/a.png')).toEqual({ size: 5, contentType: 'image/png' });
  });
});
