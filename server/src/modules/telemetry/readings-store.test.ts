import { createTestDatabase, databaseKind } from '../../../test/test-app.js';
import { createPostgresReadingsStore } from './adapters/postgres-readings-store.js';
import { describeReadingsStore } from './readings-store.contract.js';

// PGlite by default; the real server (where concurrent appends really overlap) when DATABASE_URL is set.
describeReadingsStore(`PostgreSQL (${databaseKind})`, async () => {
  const database = await createTestDatabase();
  return { store: createPostgresReadingsStore(database.db), close: database.close };
});
