import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDatabaseSecret } from './database-secret.js';

// Secrets Manager cannot run here: a stand-in answers GetSecretValue in its JSON protocol (mocked, by necessity).
describe('readDatabaseSecret (Secrets Manager mocked by an HTTP stand-in)', () => {
  const arn = 'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:kura-db-AbCdEf';
  const secrets: Record<string, string> = {
    [arn]: JSON.stringify({ host: 'db.internal', port: 5432, dbname: 'kura', username: 'kura_app', password: 'pw-1' }),
    [`${arn}-broken`]: JSON.stringify({ host: 'db.internal', password: 'pw-2' }),
  };
  let server: Server;
  const saved = { ...process.env };
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        const { SecretId } = JSON.parse(body) as { SecretId: string };
        const secret = secrets[SecretId];
        res.writeHead(secret ? 200 : 400, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(
          JSON.stringify(secret ? { ARN: SecretId, SecretString: secret } : { __type: 'ResourceNotFoundException' }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER = `http://127.0.0.1:${port}`;
    process.env.AWS_ACCESS_KEY_ID = 'test';
    process.env.AWS_SECRET_ACCESS_KEY = 'test-secret';
  });
  afterAll(async () => {
    process.env = saved;
    await new Promise((resolve) => server.close(resolve));
  });

  it('gives the connection fields RDS writes into the secret', async () => {
    expect(await readDatabaseSecret(arn)).toEqual({
      host: 'db.internal',
      port: 5432,
      database: 'kura',
      user: 'kura_app',
      password: 'pw-1',
    });
  });

  it('names the missing fields, never the values', async () => {
    const failure = readDatabaseSecret(`${arn}-broken`);
    await expect(failure).rejects.toThrow(/its JSON lacks port, dbname, username/);
    await expect(readDatabaseSecret(`${arn}-broken`)).rejects.not.toThrow(/pw-2/);
  });
});
