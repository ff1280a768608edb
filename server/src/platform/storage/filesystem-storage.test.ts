import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFilesystemStorage } from './filesystem-storage.js';
import { isValidObjectKey, type ObjectStorage } from './object-storage.js';

let root: string;
let storage: ObjectStorage;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kura-storage-'));
  storage = createFilesystemStorage(join(root, 'objects'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('filesystem object storage', () => {
  it('stores, reads back and deletes an object with its content type', async () => {
    await storage.put('products/a-1.svg', '<svg/>', 'image/svg+xml');
    const object = await storage.get('products/a-1.svg');
    expect(object?.contentType).toBe('image/svg+xml');
    expect(Buffer.from(object?.body ?? []).toString()).toBe('<svg/>');
    await storage.delete('products/a-1.svg');
    expect(await storage.get('products/a-1.svg')).toBeUndefined();
  });

  it('answers undefined for a missing object', async () => {
    expect(await storage.get('products/none.svg')).toBeUndefined();
  });

  it.each(['../escape', 'a/../../b', '/abs', 'a//b', 'A.svg', 'a\\b', '.hidden', ''])(
    'refuses the key %j',
    async (key) => {
      expect(isValidObjectKey(key)).toBe(false);
      await expect(storage.put(key, 'x', 'text/plain')).rejects.toThrow('Invalid object key');
      expect(await storage.get(key)).toBeUndefined();
    },
  );

  it('never writes outside its root', async () => {
    await storage.put('ok/key.txt', 'x', 'text/plain').catch(() => {});
    expect(await readdir(root)).toEqual(['objects']);
  });
});
