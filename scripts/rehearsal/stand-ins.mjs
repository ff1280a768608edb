// The local stand-ins for what the tasks reach on AWS besides the database: SQS and S3 (the fauxqs
// emulator), the Cognito user pool's issuer (its JWKS, and access tokens shaped as Cognito's), and the
// ADOT collector sidecar (an OTLP/HTTP sink that counts what arrives). All on 127.0.0.1.
import { createServer } from 'node:http';
import { startFauxqs } from 'fauxqs';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

/** fauxqs with the event queue, its dead-letter queue (redrive after `maxReceiveCount`) and the media bucket. */
export async function startAwsEmulator({ maxReceiveCount }) {
  const server = await startFauxqs({ port: 0, host: '127.0.0.1', logger: false });
  const dlq = server.createQueue('kura-rehearsal-events-dlq');
  const queue = server.createQueue('kura-rehearsal-events', {
    attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.queueArn, maxReceiveCount }) },
  });
  const bucket = 'kura-rehearsal-media';
  server.createBucket(bucket);
  return {
    endpoint: `http://127.0.0.1:${server.port}`,
    queueUrl: queue.queueUrl,
    deadLetterQueueUrl: dlq.queueUrl,
    bucket,
    /**
     * Where a browser's form upload would land an object. fauxqs 1.9 has no POST Object, and checks no
     * signature, so a plain PUT stands in for it.
     */
    async putObject(key, body, contentType) {
      const response = await fetch(`http://127.0.0.1:${server.port}/${bucket}/${key}`, {
        method: 'PUT',
        headers: { 'content-type': contentType },
        body,
      });
      if (!response.ok) throw new Error(`PUT ${key} into the emulator: ${response.status} ${await response.text()}`);
    },
    stop: () => server.stop(),
  };
}

async function listen(server) {
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * An issuer at http://127.0.0.1:<port>/<pool>, serving its JWKS where the API derives it from the issuer
 * (`/.well-known/jwks.json`, as Cognito's), and signing access tokens as Cognito does: `client_id` (the
 * app client) instead of `aud`, `token_use: access`, the user's groups in `cognito:groups`.
 */
export async function startIssuer({ clientId }) {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'rehearsal-1', alg: 'RS256', use: 'sig' };
  const pool = 'ap-northeast-1_Rehearsal';
  const server = createServer((req, res) => {
    if (req.url === `/${pool}/.well-known/jwks.json`) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    } else res.writeHead(404).end();
  });
  const port = await listen(server);
  const issuer = `http://127.0.0.1:${port}/${pool}`;
  return {
    issuer,
    clientId,
    async accessToken({ subject, groups = [] }) {
      return new SignJWT({
        client_id: clientId,
        token_use: 'access',
        scope: 'openid',
        'cognito:groups': groups,
        username: subject,
      })
        .setProtectedHeader({ alg: 'RS256', kid: jwk.kid })
        .setSubject(subject)
        .setIssuer(issuer)
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(privateKey);
    },
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Stands in for the ADOT sidecar: accepts OTLP/HTTP trace exports and counts the requests per service. */
export async function startOtlpSink() {
  let exports = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/v1/traces') exports++;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  const port = await listen(server);
  return {
    endpoint: `http://127.0.0.1:${port}`,
    exports: () => exports,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * Secrets Manager's GetSecretValue for one secret (no emulator here has Secrets Manager): answers the
 * SDK's JSON protocol with the stand-in database's secret, and refuses any other secret or action.
 */
export async function startSecretsManager({ arn, secret }) {
  let reads = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const target = req.headers['x-amz-target'];
      let secretId;
      try {
        secretId = JSON.parse(body).SecretId;
      } catch {
        secretId = undefined;
      }
      if (target !== 'secretsmanager.GetSecretValue' || secretId !== arn) {
        res
          .writeHead(400, { 'content-type': 'application/x-amz-json-1.1' })
          .end(JSON.stringify({ __type: 'ResourceNotFoundException', message: `no secret ${secretId}` }));
        return;
      }
      reads++;
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' }).end(
        JSON.stringify({
          ARN: arn,
          Name: 'rehearsal-db',
          VersionId: 'v1',
          SecretString: JSON.stringify(secret),
          CreatedDate: Date.now() / 1000,
        }),
      );
    });
  });
  const port = await listen(server);
  return {
    endpoint: `http://127.0.0.1:${port}`,
    reads: () => reads,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}
