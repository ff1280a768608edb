import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { z } from 'zod';

/** The fields RDS writes into a database secret (the ECS tasks get the same ones as PGHOST…). */
const secretSchema = z.object({
  host: z.string().min(1),
  port: z.coerce.number().int().min(1).max(65535),
  dbname: z.string().min(1),
  username: z.string().min(1),
  password: z.string().min(1),
});

export type DatabaseSecret = { host: string; port: number; database: string; user: string; password: string };

/**
 * Reads the database secret once, when the database opens (a Lambda cold start). The region is the
 * ARN's. What fails is named without the secret's content.
 */
export async function readDatabaseSecret(arn: string): Promise<DatabaseSecret> {
  const region = arn.split(':')[3];
  const client = new SecretsManagerClient({ ...(region ? { region } : {}) });
  try {
    const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: arn }));
    const parsed = secretSchema.safeParse(JSON.parse(SecretString ?? 'null'));
    if (!parsed.success) {
      throw new Error(`its JSON lacks ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
    }
    const { host, port, dbname, username, password } = parsed.data;
    return { host, port, database: dbname, user: username, password };
  } finally {
    client.destroy();
  }
}
