#!/usr/bin/env bash
# Starts Debian's PostgreSQL if it is down and creates the kura role and
# database (password "kura", for local tests only; CREATEDB so each test file
# can have its own database, CREATEROLE so the migration can create the app's
# DML-only login, as Aurora's master user does). Idempotent. Needs root.
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib >/dev/null
fi
version=$(ls /etc/postgresql | sort -n | tail -1)
pg_ctlcluster "$version" main status >/dev/null 2>&1 || pg_ctlcluster "$version" main start
until pg_isready -q -h 127.0.0.1 -p 5432; do sleep 0.5; done
cd /
runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -v role=kura -v pass=kura <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'role') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname=:'role') \gexec
ALTER ROLE :"role" PASSWORD :'pass' CREATEDB CREATEROLE;
SELECT format('CREATE DATABASE %I OWNER %I', :'role', :'role') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname=:'role') \gexec
SQL
echo "PostgreSQL $version ready on 127.0.0.1:5432 (role kura)"
