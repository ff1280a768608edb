import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../http/errors.js';
import { createHttpApp } from '../http/http-app.js';
import { mountLocalUploads, uploadFormBytes } from '../http/media.js';
import { createLogger } from '../observability/logger.js';
import { startTracing } from '../observability/tracing.js';
import { createFilesystemStorage, localUploadPath } from './filesystem-storage.js';
import { describeObjectStorageContract, uploadForm } from './object-storage.contract.js';
import type { ObjectStorage } from './object-storage.js';

/** The local store behind Kura's own upload endpoint, as `npm start` mounts it. */
async function openLocal(options: { now?: () => Date; uploadSecret?: Uint8Array } = {}) {
  const root = await mkdtemp(join(tmpdir(), 'kura-storage-'));
  const storage = createFilesystemStorage(join(root, 'objects'), options);
  const tracing = startTracing({ serviceName: 'kura-test', otlpEndpoint: undefined });
  const app = createHttpApp({
    logger: createLogger({ level: 'silent', service: 'kura-test' }),
    tracerProvider: tracing.provider,
    serviceName: 'kura-test',
    checkReady: async () => {},
    largeBodyPaths: { [localUploadPath]: uploadFormBytes(1024 * 1024) },
  });
  mountLocalUploads(app, storage);
  return {
    root,
    storage,
    submitUpload: (upload: { url: string }, form: FormData) => app.request(upload.url, { method: 'POST', body: form }),
    close: async () => {
      await tracing.shutdown();
      await rm(root, { recursive: true, force: true });
    },
  };
}

describeObjectStorageContract('filesystem', openLocal, { uploads: 'enforced' });

describe('filesystem object storage: local upload endpoint', () => {
  let local: Awaited<ReturnType<typeof openLocal>>;
  let clock = new Date('2026-11-24T03:00:00Z');
  beforeAll(async () => {
    local = await openLocal({ now: () => clock });
  });
  afterAll(async () => {
    await local.close();
  });
  const policy = (key: string) => ({ key, contentType: 'image/png', maxBytes: 100, expiresInSeconds: 60 });
  const errorOf = async (response: Response) => ((await response.json()) as ErrorBody).error;

  it('answers each refusal with its stable code', async () => {
    const upload = await local.storage.presignUpload(policy('up/codes.png'));
    const tooLarge = await local.submitUpload(upload, uploadForm(upload, new Uint8Array(101)));
    expect([tooLarge.status, (await errorOf(tooLarge)).code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const wrongType = await local.submitUpload(
      upload,
      uploadForm(upload, new Uint8Array(5), { 'Content-Type': 'text/html' }),
    );
    expect([wrongType.status, (await errorOf(wrongType)).code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const empty = await local.submitUpload(upload, uploadForm(upload, new Uint8Array(0)));
    expect([empty.status, (await errorOf(empty)).details?.[0]?.path]).toEqual([400, 'file']);
    expect(await local.storage.head('up/codes.png')).toBeUndefined();
  });

  it('refuses a policy edited after signing (a larger limit)', async () => {
    const upload = await local.storage.presignUpload(policy('up/edited.png'));
    const decoded = JSON.parse(Buffer.from(upload.fields.policy ?? '', 'base64url').toString());
    const widened = Buffer.from(JSON.stringify({ ...decoded, maxBytes: 10_000 })).toString('base64url');
    const response = await local.submitUpload(upload, uploadForm(upload, new Uint8Array(500), { policy: widened }));
    expect([response.status, (await errorOf(response)).code]).toEqual([403, 'UPLOAD_REJECTED']);
    expect(await local.storage.head('up/edited.png')).toBeUndefined();
  });

  it('refuses a form signed by another data dir (another secret)', async () => {
    const other = createFilesystemStorage(join(local.root, 'other'));
    const upload = await other.presignUpload(policy('up/foreign.png'));
    const response = await local.submitUpload(upload, uploadForm(upload, new Uint8Array(5)));
    expect((await errorOf(response)).code).toBe('UPLOAD_REJECTED');
  });

  it('refuses an expired form', async () => {
    const upload = await local.storage.presignUpload(policy('up/late.png'));
    clock = new Date(clock.getTime() + 61_000);
    const response = await local.submitUpload(upload, uploadForm(upload, new Uint8Array(5)));
    expect([response.status, (await errorOf(response)).message]).toEqual([403, 'The upload form has expired']);
    expect(await local.storage.head('up/late.png')).toBeUndefined();
  });

  it('never writes outside its root', async () => {
    const storage: ObjectStorage = local.storage;
    await expect(storage.put('../outside.txt', 'x', 'text/plain')).rejects.toThrow('Invalid object key');
    expect(await readdir(local.root)).not.toContain('outside.txt');
  });
});
