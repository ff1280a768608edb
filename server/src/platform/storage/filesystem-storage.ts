import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isValidObjectKey, type ObjectStorage } from './object-storage.js';

/**
 * The local object store: one file per object, its content type in a sidecar
 * file. Keys are validated, so a key can never leave the root folder.
 */
export function createFilesystemStorage(root: string): ObjectStorage {
  const pathOf = (key: string) => {
    if (!isValidObjectKey(key)) throw new Error(`Invalid object key: ${key}`);
    return join(root, key);
  };
  return {
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
        if (err instanceof Error && 'code' in err && err.code === 'ENOENT') return undefined;
        throw err;
      }
    },
    async delete(key) {
      const path = pathOf(key);
      await Promise.all([rm(path, { force: true }), rm(`${path}.type`, { force: true })]);
    },
  };
}
