// A throwaway PostgreSQL cluster that speaks TLS only, with a certificate from a CA made for this run:
// the stand-in for Aurora with forced SSL. Its CA is what the tasks must trust through DATABASE_CA_FILE,
// exactly as on AWS they trust the RDS bundle. Needs Debian's PostgreSQL server binaries and openssl.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

const binDir = () => {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(a) - Number(b)) : [];
  const latest = versions.at(-1);
  if (!latest) throw new Error('no PostgreSQL server under /usr/lib/postgresql (run .ci/postgres.sh once)');
  return join(root, latest, 'bin');
};

/** initdb and postgres refuse to run as root: as root, they run as Debian's postgres user. */
function asServerUser() {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

function openssl(args, cwd) {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** A CA and a server certificate for `localhost` (DNS and both loopback addresses), valid for a day. */
function makeCertificatesIn(dir) {
  openssl(
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=Kura rehearsal CA',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ],
    dir,
  );
  openssl(
    ['req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-keyout', 'server.key', '-out', 'server.csr'],
    dir,
  );
  writeFileSync(
    join(dir, 'server.ext'),
    'subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n',
  );
  openssl(
    [
      'x509',
      '-req',
      '-in',
      'server.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-days',
      '1',
      '-extfile',
      'server.ext',
      '-out',
      'server.pem',
    ],
    dir,
  );
  return { caFile: join(dir, 'ca.pem'), certFile: join(dir, 'server.pem'), keyFile: join(dir, 'server.key') };
}

/**
 * Starts the cluster on `port` (loopback only; pg_hba admits `hostssl` and nothing else) with the
 * database and role the tasks' secret names. Returns the connection values and a stop function.
 */
export async function startTlsPostgres({ dir, port }) {
  const bin = binDir();
  const owner = asServerUser();
  const certDir = join(dir, 'certs');
  mkdirSync(certDir, { recursive: true });
  const certs = makeCertificatesIn(certDir);
  const dataDir = join(dir, 'data');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const adminPassword = randomBytes(18).toString('base64url');
  const pwFile = join(dir, 'admin-password');
  writeFileSync(pwFile, `${adminPassword}\n`, { mode: 0o600 });
  if (owner) {
    for (const path of [dataDir, pwFile, certs.keyFile, certs.certFile]) chownSync(path, owner.uid, owner.gid);
  }
  chmodSync(certs.keyFile, 0o600);
  const run = (command, args) => {
    const result = spawnSync(join(bin, command), args, {
      encoding: 'utf8',
      ...(owner ? { uid: owner.uid, gid: owner.gid } : {}),
      cwd: dir,
    });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
  };
  run('initdb', [
    '-D',
    dataDir,
    '-U',
    'postgres',
    `--pwfile=${pwFile}`,
    '-A',
    'scram-sha-256',
    '--no-sync',
    '-E',
    'UTF8',
    '--locale=C',
  ]);
  writeFileSync(
    join(dataDir, 'postgresql.auto.conf'),
    [
      `port = ${port}`,
      "listen_addresses = 'localhost'",
      `unix_socket_directories = '${dataDir}'`,
      'ssl = on',
      `ssl_cert_file = '${certs.certFile}'`,
      `ssl_key_file = '${certs.keyFile}'`,
      "ssl_min_protocol_version = 'TLSv1.2'",
      'fsync = off',
      'max_connections = 60',
      '',
    ].join('\n'),
  );
  // TLS or nothing, as Aurora with rds.force_ssl: no `host` (plain) and no socket line.
  writeFileSync(
    join(dataDir, 'pg_hba.conf'),
    'hostssl all all 127.0.0.1/32 scram-sha-256\nhostssl all all ::1/128 scram-sha-256\n',
  );
  if (owner) for (const f of ['postgresql.auto.conf', 'pg_hba.conf']) chownSync(join(dataDir, f), owner.uid, owner.gid);
  run('pg_ctl', ['-D', dataDir, '-l', join(dataDir, 'server.log'), '-w', '-t', '60', 'start']);
  const stop = () => {
    try {
      run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // already stopped
    }
  };

  const ca = readFileSync(certs.caFile, 'utf8');
  const appPassword = randomBytes(18).toString('base64url');
  const admin = new pg.Client({
    host: 'localhost',
    port,
    user: 'postgres',
    password: adminPassword,
    database: 'postgres',
    ssl: { rejectUnauthorized: true, ca },
  });
  try {
    await admin.connect();
    // Like Aurora's master user, it may create roles: the migrate task creates the app's (kura_app).
    await admin.query(`create role kura login createrole password '${appPassword}'`);
    await admin.query('create database kura owner kura');
  } finally {
    await admin.end().catch(() => {});
  }
  return {
    caFile: certs.caFile,
    ca,
    /** The fields of the Aurora secret (host, port, dbname, username, password), as these stand-ins. */
    secret: { host: 'localhost', port: String(port), dbname: 'kura', username: 'kura', password: appPassword },
    stop,
  };
}

/** How a connection to the cluster ends: 'ok', or the error's message (for the checks that it refuses). */
export async function tryConnect(secret, ssl) {
  const client = new pg.Client({
    host: secret.host,
    port: Number(secret.port),
    user: secret.username,
    password: secret.password,
    database: secret.dbname,
    ssl,
    connectionTimeoutMillis: 10_000,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
    return 'ok';
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    await client.end().catch(() => {});
  }
}
