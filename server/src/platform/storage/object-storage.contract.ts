import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ObjectStorage, PresignedUpload } from './object-storage.js';

export type ContractSubject = {
  storage: ObjectStorage;
  /** Posts an upload form where a browser would (the adapter's upload URL). */
  submitUpload(upload: PresignedUpload, form: FormData): Response | Promise<Response>;
  close(): Promise<void>;
};

export type ContractOptions = {
  /**
   * Whether the backend checks the signed upload policy. Real S3 and the local
   * endpoint do; an emulator without POST Object uploads does not, and its
   * suite says so and asserts what it does instead.
   */
  uploads: 'enforced' | { unsupported: string; assert: (subject: ContractSubject, key: string) => Promise<void> };
};

const png = (bytes: number) => new Uint8Array(bytes).fill(7);

/** Builds the browser's form: the presigned fields first, the file last (S3 ignores fields after it). */
export function uploadForm(upload: PresignedUpload, body: Uint8Array, overrides: Record<string, string> = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries({ ...upload.fields, ...overrides })) form.append(name, value);
  form.append('file', new Blob([body]), 'upload.bin');
  return form;
}

/** The one contract every ObjectStorage adapter passes. */
export function describeObjectStorageContract(
  name: string,
  open: () => Promise<ContractSubject>,
  options: ContractOptions,
): void {
  describe(`${name}: object storage contract`, () => {
    let subject: ContractSubject;
    let storage: ObjectStorage;
    let n = 0;
    const freshKey = (ext = 'png') => `contract/${Date.now().toString(36)}-${n++}.${ext}`;
    beforeAll(async () => {
      subject = await open();
      storage = subject.storage;
    });
    afterAll(async () => {
      await subject?.close();
    });

    it('stores, heads, reads back and deletes an object with its content type', async () => {
      const key = freshKey('svg');
      await storage.put(key, '<svg/>', 'image/svg+xml');
      expect(await storage.head(key)).toEqual({ size: 6, contentType: 'image/svg+xml' });
      const object = await storage.get(key);
      expect(object?.contentType).toBe('image/svg+xml');
      expect(Buffer.from(object?.body ?? []).toString()).toBe('<svg/>');
      await storage.delete(key);
      expect(await storage.get(key)).toBeUndefined();
      expect(await storage.head(key)).toBeUndefined();
    });

    it('keeps binary bodies byte for byte and overwrites on a second put', async () => {
      const key = freshKey();
      const body = new Uint8Array(4096).map((_, i) => (i * 31) % 256);
      await storage.put(key, png(10), 'image/png');
      await storage.put(key, body, 'image/webp');
      const object = await storage.get(key);
      expect(Buffer.from(object?.body ?? []).equals(Buffer.from(body))).toBe(true);
      expect(object?.contentType).toBe('image/webp');
      await storage.delete(key);
    });

    it('answers undefined for a missing object and deletes one quietly', async () => {
      expect(await storage.get('contract/none.png')).toBeUndefined();
      expect(await storage.head('contract/none.png')).toBeUndefined();
      await expect(storage.delete('contract/none.png')).resolves.toBeUndefined();
    });

    it.each(['../escape', 'a/../../b', '/abs', 'a//b', 'A.svg', 'a\\b', '.hidden', ''])(
      'refuses the key %j',
      async (key) => {
        await expect(storage.put(key, 'x', 'text/plain')).rejects.toThrow('Invalid object key');
        await expect(
          storage.presignUpload({ key, contentType: 'image/png', maxBytes: 10, expiresInSeconds: 60 }),
        ).rejects.toThrow('Invalid object key');
        expect(await storage.get(key)).toBeUndefined();
        expect(await storage.head(key)).toBeUndefined();
      },
    );

    it('presigns a form that names the key and the content type, posted to the upload origin', async () => {
      const key = freshKey();
      const upload = await storage.presignUpload({
        key,
        contentType: 'image/png',
        maxBytes: 1000,
        expiresInSeconds: 60,
      });
      expect(upload.fields.key).toBe(key);
      expect(upload.fields['Content-Type']).toBe('image/png');
      if (storage.uploadOrigin === undefined) expect(upload.url.startsWith('/')).toBe(true);
      else expect(new URL(upload.url).origin).toBe(storage.uploadOrigin);
    });

    if (options.uploads === 'enforced') {
      describe('presigned uploads', () => {
        const policy = (key: string) => ({ key, contentType: 'image/png', maxBytes: 1000, expiresInSeconds: 60 });

        it('lands a file within the limits under the signed key', async () => {
          const key = freshKey();
          const upload = await storage.presignUpload(policy(key));
          const response = await subject.submitUpload(upload, uploadForm(upload, png(1000)));
          expect(response.status).toBeLessThan(300);
          expect(await storage.head(key)).toEqual({ size: 1000, contentType: 'image/png' });
        });

        it('refuses a body larger than the signed limit, and nothing lands', async () => {
          const key = freshKey();
          const upload = await storage.presignUpload(policy(key));
          const response = await subject.submitUpload(upload, uploadForm(upload, png(1001)));
          expect(response.status).toBeGreaterThanOrEqual(400);
          expect(await storage.head(key)).toBeUndefined();
        });

        it('refuses a content type other than the signed one, and nothing lands', async () => {
          const key = freshKey();
          const upload = await storage.presignUpload(policy(key));
          const form = uploadForm(upload, png(10), { 'Content-Type': 'image/svg+xml' });
          const response = await subject.submitUpload(upload, form);
          expect(response.status).toBeGreaterThanOrEqual(400);
          expect(await storage.head(key)).toBeUndefined();
        });

        it('refuses a key other than the signed one, and nothing lands', async () => {
          const key = freshKey();
          const other = freshKey();
          const upload = await storage.presignUpload(policy(key));
          const response = await subject.submitUpload(upload, uploadForm(upload, png(10), { key: other }));
          expect(response.status).toBeGreaterThanOrEqual(400);
          expect(await storage.head(other)).toBeUndefined();
          expect(await storage.head(key)).toBeUndefined();
        });
      });
    } else {
      const { unsupported, assert } = options.uploads;
      it(`presigned uploads are not enforced here: ${unsupported}`, async () => {
        await assert(subject, freshKey());
      });
    }
  });
}
