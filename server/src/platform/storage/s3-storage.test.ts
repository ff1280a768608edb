import { createHmac } from 'node:crypto';
import { startFauxqs } from 'fauxqs';
import { describe, expect, it } from 'vitest';
import { createHttpApp } from '../http/http-app.js';
import { createLogger } from '../observability/logger.js';
import { startTracing } from '../observability/tracing.js';
import { describeObjectStorageContract, uploadForm } from './object-storage.contract.js';
import { createS3Storage } from './s3-storage.js';

const credentials = { accessKeyId: 'kura-test', secretAccessKey: 'kura-test-secret' };

/** The AWS adapter against fauxqs's S3, started in this process on a free port. */
async function openFauxqs() {
  const server = await startFauxqs({ port: 0, host: '127.0.0.1', logger: false });
  server.createBucket('kura-media');
  const storage = createS3Storage({
    bucket: 'kura-media',
    region: 'ap-northeast-1',
    endpoint: `http://127.0.0.1:${server.port}`,
    credentials,
  });
  return {
    storage,
    submitUpload: (upload: { url: string }, form: FormData) => fetch(upload.url, { method: 'POST', body: form }),
    close: () => server.stop(),
  };
}

describeObjectStorageContract('S3 on fauxqs', openFauxqs, {
  uploads: {
    unsupported:
      'fauxqs 1.9 has no POST Object (browser form upload): it answers POST /<bucket> as DeleteObjects, so a presigned form lands nothing and no policy is checked',
    assert: async (subject, key) => {
      const upload = await subject.storage.presignUpload({
        key,
        contentType: 'image/png',
        maxBytes: 10,
        expiresInSeconds: 60,
      });
      const response = await subject.submitUpload(upload, uploadForm(upload, new Uint8Array(5)));
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<DeleteResult');
      expect(await subject.storage.head(key)).toBeUndefined();
    },
  },
});

/** SigV4 for a POST policy: the signing key derived from the secret, HMAC over the base64 policy. */
function signPolicy(policyBase64: string, credential: string): string {
  const [, date, region, service] = credential.split('/');
  const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
  const signingKey = hmac(
    hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, date ?? ''), region ?? ''), service ?? ''),
    'aws4_request',
  );
  return createHmac('sha256', signingKey).update(policyBase64).digest('hex');
}

describe('S3 presigned upload policy (what real S3 enforces)', () => {
  const storage = createS3Storage({ bucket: 'kura-media', region: 'ap-northeast-1', credentials });

  it('posts to the bucket endpoint that the CSP allows', async () => {
    const upload = await storage.presignUpload({
      key: 'uploads/a/b',
      contentType: 'image/png',
      maxBytes: 10,
      expiresInSeconds: 60,
    });
    expect(new URL(upload.url).origin).toBe('https://kura-media.s3.ap-northeast-1.amazonaws.com');
    expect(storage.uploadOrigin).toBe('https://kura-media.s3.ap-northeast-1.amazonaws.com');
  });

  it('signs a policy that fixes the key and the content type, bounds the size and expires', async () => {
    const before = Date.now();
    const upload = await storage.presignUpload({
      key: 'uploads/p/1',
      contentType: 'image/webp',
      maxBytes: 5_000_000,
      expiresInSeconds: 600,
    });
    const policyBase64 = upload.fields.Policy ?? '';
    const policy = JSON.parse(Buffer.from(policyBase64, 'base64').toString()) as {
      expiration: string;
      conditions: unknown[];
    };
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        ['content-length-range', 1, 5_000_000],
        ['eq', '$Content-Type', 'image/webp'],
        { key: 'uploads/p/1' },
        { bucket: 'kura-media' },
      ]),
    );
    const expiresIn = Date.parse(policy.expiration) - before;
    expect(expiresIn).toBeGreaterThan(590_000);
    expect(expiresIn).toBeLessThanOrEqual(601_000);
    expect(upload.fields['X-Amz-Signature']).toBe(signPolicy(policyBase64, upload.fields['X-Amz-Credential'] ?? ''));
  });
});

describe('S3 uploads and the page CSP', () => {
  it("lets the site's pages post to the bucket endpoint, and only there", async () => {
    const storage = createS3Storage({ bucket: 'kura-media', region: 'ap-northeast-1', credentials });
    const tracing = startTracing({ serviceName: 'kura-test', otlpEndpoint: undefined });
    const app = createHttpApp({
      logger: createLogger({ level: 'silent', service: 'kura-test' }),
      tracerProvider: tracing.provider,
      serviceName: 'kura-test',
      checkReady: async () => {},
      uploadOrigins: storage.uploadOrigin ? [storage.uploadOrigin] : [],
    });
    const csp = (await app.request('/some/page')).headers.get('Content-Security-Policy') ?? '';
    await tracing.shutdown();
    expect(csp).toContain("connect-src 'self' https://kura-media.s3.ap-northeast-1.amazonaws.com;");
    expect(csp).toContain("form-action 'self' https://kura-media.s3.ap-northeast-1.amazonaws.com");
    expect(csp).toContain("script-src 'self';");
  });
});
