import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { StorageConfig } from '../config/config.js';
import { createFilesystemStorage } from './filesystem-storage.js';
import type { ObjectStorage } from './object-storage.js';
import { createS3Storage } from './s3-storage.js';

/**
 * The configured adapter: S3 (on AWS, or any S3-compatible endpoint) or the
 * local folder under the data dir. Without a data dir (ephemeral runs) the
 * local store lives in `fallbackRoot` and signs with a per-process secret.
 */
export async function openObjectStorage(options: {
  config: StorageConfig;
  dataDir: string | undefined;
  fallbackRoot: string;
}): Promise<ObjectStorage> {
  const { config, dataDir } = options;
  if (config.driver === 's3') {
    return createS3Storage({ bucket: config.bucket, region: config.region, endpoint: config.endpoint });
  }
  const uploadSecret = config.uploadSecret
    ? Buffer.from(config.uploadSecret)
    : dataDir === undefined
      ? undefined
      : await readOrCreateSecret(join(dataDir, 'upload-secret'));
  return createFilesystemStorage(join(dataDir ?? options.fallbackRoot, 'objects'), { uploadSecret });
}

/** One random secret per data dir, readable by this user only, so signed forms survive a restart. */
async function readOrCreateSecret(path: string): Promise<Buffer> {
  try {
    const existing = await readFile(path);
    if (existing.length >= 32) return existing;
  } catch (err) {
    if (!(err instanceof Error && 'code' in err && err.code === 'ENOENT')) throw err;
  }
  const secret = randomBytes(32);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, secret, { mode: 0o600 });
  return secret;
}
