import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, verifyPassword } from './password-hash.js';

describe('password hashes', () => {
  it('are scrypt PHC strings with their own salt, never the password', async () => {
    const [a, b] = await Promise.all([hashPassword('kura-demo-1234'), hashPassword('kura-demo-1234')]);
    expect(a).toMatch(/^\$scrypt\$ln=16,r=8,p=2\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('kura-demo-1234');
  });

  it('verify the right password only', async () => {
    const stored = await hashPassword('correct horse');
    expect(await verifyPassword('correct horse', stored)).toBe(true);
    expect(await verifyPassword('correct horsE', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('treat full-width and half-width input alike (NFKC), as a Japanese IME may type either', async () => {
    const stored = await hashPassword('kura1234');
    expect(await verifyPassword('ｋｕｒａ１２３４', stored)).toBe(true);
  });

  it('refuse anything that is not such a hash, and parameters that would exhaust memory', async () => {
    for (const stored of ['', 'kura-demo-1234', '$2b$10$abcdefghijklmnopqrstuv', '$scrypt$ln=30,r=8,p=1$YWJj$YWJj']) {
      expect(await verifyPassword('kura-demo-1234', stored)).toBe(false);
    }
  });

  it('still verify a weaker older hash, and say it should be redone', async () => {
    const salt = randomBytes(16);
    const key = scryptSync('old password', salt, 32, { N: 2 ** 14, r: 8, p: 1 });
    const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');
    const old = `$scrypt$ln=14,r=8,p=1$${b64(salt)}$${b64(key)}`;
    expect(await verifyPassword('old password', old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(await hashPassword('new password'))).toBe(false);
  });
});
