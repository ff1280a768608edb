/**
 * Object storage port: product images and other binary objects. On AWS the
 * adapter is S3; locally it is a folder. Keys are relative, slash-separated.
 */
export type StoredObject = { body: Uint8Array; contentType: string };

export type ObjectHead = { size: number; contentType: string };

/** What a browser may upload with one presigned form: exactly one key, one content type, a size range. */
export type UploadPolicy = {
  key: string;
  contentType: string;
  maxBytes: number;
  expiresInSeconds: number;
};

/**
 * A browser-side upload: POST a multipart form to `url` with every field of
 * `fields` and the file last, in a field named `file` (S3's POST Object form).
 */
export type PresignedUpload = { url: string; fields: Record<string, string> };

export type ObjectStorage = {
  put(key: string, body: Uint8Array | string, contentType: string): Promise<void>;
  /** `undefined` when no object has that key. */
  get(key: string): Promise<StoredObject | undefined>;
  /** Size and type without the body; `undefined` when no object has that key. */
  head(key: string): Promise<ObjectHead | undefined>;
  delete(key: string): Promise<void>;
  /** A form the browser posts the file with; the backend refuses another key, type or a size out of range. */
  presignUpload(policy: UploadPolicy): Promise<PresignedUpload>;
  /** The origin uploads go to, for the page's CSP; `undefined` when it is the site itself. */
  readonly uploadOrigin: string | undefined;
  /**
   * Only for an adapter whose uploads come to Kura itself (the local one):
   * checks a posted form against the policy it carries and stores the file,
   * or throws `UploadRejected`.
   */
  receiveUpload?: (form: FormData) => Promise<{ key: string }>;
};

/** Why an upload form was refused; the HTTP layer maps each to a status. */
export type UploadRejection = 'signature' | 'expired' | 'key' | 'content_type' | 'too_large' | 'empty' | 'no_file';

export class UploadRejected extends Error {
  override name = 'UploadRejected';
  constructor(
    readonly reason: UploadRejection,
    message: string,
  ) {
    super(message);
  }
}

const keyPattern = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/;

export function isValidObjectKey(key: string): boolean {
  return key.length <= 512 && keyPattern.test(key) && !key.split('/').some((part) => part === '..' || part === '.');
}

export class InvalidObjectKey extends Error {
  override name = 'InvalidObjectKey';
  constructor(key: string) {
    super(`Invalid object key: ${key}`);
  }
}
