import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { InvalidObjectKey, isValidObjectKey, type ObjectStorage } from './object-storage.js';

export type S3StorageOptions = {
  bucket: string;
  region: string;
  /** An S3-compatible endpoint (an emulator in tests); AWS's own when absent. */
  endpoint?: string | undefined;
  /** Static credentials for an emulator; on AWS the task role's come from the default chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string } | undefined;
};

/**
 * The AWS adapter. Browser uploads are S3 presigned POSTs whose signed policy
 * fixes the key and the content type and bounds the size (`content-length-range`);
 * S3 itself refuses anything else.
 */
export function createS3Storage(options: S3StorageOptions): ObjectStorage {
  const { bucket } = options;
  const client = new S3Client({
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    // Plain bodies: some S3-compatible stores keep aws-chunked framing as part of the object.
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
  const checked = (key: string) => {
    if (!isValidObjectKey(key)) throw new InvalidObjectKey(key);
    return key;
  };
  return {
    uploadOrigin: options.endpoint
      ? new URL(options.endpoint).origin
      : `https://${bucket}.s3.${options.region}.amazonaws.com`,
    async put(key, body, contentType) {
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: checked(key),
          Body: typeof body === 'string' ? Buffer.from(body) : body,
          ContentType: contentType,
        }),
      );
    },
    async get(key) {
      if (!isValidObjectKey(key)) return undefined;
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        if (!out.Body) return undefined;
        return {
          body: await out.Body.transformToByteArray(),
          contentType: out.ContentType ?? 'application/octet-stream',
        };
      } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
      }
    },
    async head(key) {
      if (!isValidObjectKey(key)) return undefined;
      try {
        const out = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return { size: out.ContentLength ?? 0, contentType: out.ContentType ?? 'application/octet-stream' };
      } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: checked(key) }));
    },
    async presignUpload(policy) {
      const { url, fields } = await createPresignedPost(client, {
        Bucket: bucket,
        Key: checked(policy.key),
        Conditions: [
          ['content-length-range', 1, policy.maxBytes],
          ['eq', '$Content-Type', policy.contentType],
        ],
        Fields: { 'Content-Type': policy.contentType },
        Expires: policy.expiresInSeconds,
      });
      return { url, fields };
    },
  };
}

function isNotFound(err: unknown): boolean {
  return (
    err instanceof S3ServiceException &&
    (err.name === 'NoSuchKey' || err.name === 'NotFound' || err.$metadata.httpStatusCode === 404)
  );
}
