/**
 * Object storage port: product images and other binary objects. On AWS the
 * adapter is S3; locally it is a folder. Keys are relative, slash-separated.
 */
export type StoredObject = { body: Uint8Array; contentType: string };

export type ObjectStorage = {
  put(key: string, body: Uint8Array | string, contentType: string): Promise<void>;
  /** `undefined` when no object has that key. */
  get(key: string): Promise<StoredObject | undefined>;
  delete(key: string): Promise<void>;
};

const keyPattern = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/;

export function isValidObjectKey(key: string): boolean {
  return key.length <= 512 && keyPattern.test(key) && !key.split('/').some((part) => part === '..' || part === '.');
}
