import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import {
  InvalidObjectKey,
  isValidObjectKey,
  type ObjectStorage,
  type UploadPolicy,
  UploadRejected,
} from './object-storage.js';

/** The local store receives browser uploads itself. */
export type LocalObjectStorage = ObjectStorage & Required<Pick<ObjectStorage, 'receiveUpload'>>;

export type FilesystemStorageOptions = {
  /** Signs upload policies. Random per process when absent (tests); `npm start` keeps one per data dir. */
  uploadSecret?: Uint8Array | undefined;
  /** Where the browser posts uploads (the route that calls `receiveUpload`). */
  uploadUrl?: string | undefined;
  now?: () => Date;
};

export const localUploadPath = '/api/storage/uploads';

const signedPolicySchema = z.object({
  key: z.string(),
  contentType: z.string(),
  maxBytes: z.int().positive(),
  /** Seconds since the epoch. */
  expires: z.int(),
});

/**
 * The local object store: one file per object, its content type in a sidecar
 * file. Keys are validated, so a key can never leave the root folder. Browser
 * uploads go to Kura's own endpoint with an HMAC-signed policy that fixes the
 * key, the content type, the size limit and the expiry, as S3's POST policy does.
 */
export function createFilesystemStorage(root: string, options: FilesystemStorageOptions = {}): LocalObjectStorage {
  const secret = options.uploadSecret ?? randomBytes(32);
  const now = options.now ?? (() => new Date());
  const pathOf = (key: string) => {
    if (!isValidObjectKey(key)) throw new InvalidObjectKey(key);
    return join(root, key);
  };
  const sign = (encodedPolicy: string) => createHmac('sha256', secret).update(encodedPolicy).digest();

  const storage: LocalObjectStorage = {
    uploadOrigin: undefined,
    async put(key, body, contentType) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(`${path}.type`, contentType);
      await writeFile(path, body);
    },
    async get(key) {
      if (!isValidObjectKey(key)) return undefined;
      const path = join(root, key);
      try {
        const [body, contentType] = await Promise.all([readFile(path), readFile(`${path}.type`, 'utf8')]);
        return { body, contentType };
      } catch (err) {
        if (isMissing(err)) return undefined;
        throw err;
      }
    },
    async head(key) {
      if (!isValidObjectKey(key)) return undefined;
      const path = join(root, key);
      try {
        const [info, contentType] = await Promise.all([stat(path), readFile(`${path}.type`, 'utf8')]);
        return info.isFile() ? { size: info.size, contentType } : undefined;
      } catch (err) {
        if (isMissing(err)) return undefined;
        throw err;
      }
    },
    async delete(key) {
      const path = pathOf(key);
      await Promise.all([rm(path, { force: true }), rm(`${path}.type`, { force: true })]);
    },
    async presignUpload(policy: UploadPolicy) {
      pathOf(policy.key);
      const expires = Math.floor(now().getTime() / 1000) + policy.expiresInSeconds;
      const encoded = Buffer.from(
        JSON.stringify({ key: policy.key, contentType: policy.contentType, maxBytes: policy.maxBytes, expires }),
      ).toString('base64url');
      return {
        url: options.uploadUrl ?? localUploadPath,
        fields: {
          key: policy.key,
          'Content-Type': policy.contentType,
          policy: encoded,
          signature: sign(encoded).toString('base64url'),
        },
      };
    },
    async receiveUpload(form: FormData) {
      const encoded = textField(form, 'policy');
      const given = Buffer.from(textField(form, 'signature'), 'base64url');
      const expected = sign(encoded);
      if (given.length !== expected.length || !timingSafeEqual(given, expected))
        throw new UploadRejected('signature', 'The upload form is not signed by this server');
      const parsed = signedPolicySchema.safeParse(parseJson(Buffer.from(encoded, 'base64url').toString()));
      if (!parsed.success) throw new UploadRejected('signature', 'The upload policy is malformed');
      const policy = parsed.data;
      if (policy.expires * 1000 < now().getTime()) throw new UploadRejected('expired', 'The upload form has expired');
      if (textField(form, 'key') !== policy.key)
        throw new UploadRejected('key', 'The key differs from the one the form was signed for');
      if (textField(form, 'Content-Type') !== policy.contentType)
        throw new UploadRejected('content_type', `Only ${policy.contentType} may be uploaded with this form`);
      const file = form.get('file');
      if (!(file instanceof Blob)) throw new UploadRejected('no_file', 'The form has no file field');
      if (file.size === 0) throw new UploadRejected('empty', 'The file is empty');
      if (file.size > policy.maxBytes)
        throw new UploadRejected('too_large', `The file is larger than ${policy.maxBytes} bytes`);
      await storage.put(policy.key, new Uint8Array(await file.arrayBuffer()), policy.contentType);
      return { key: policy.key };
    },
  };
  return storage;
}

function textField(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isMissing(err: unknown): boolean {
  return err instanceof Error && 'code' in err && (err.code === 'ENOENT' || err.code === 'ENOTDIR');
}
