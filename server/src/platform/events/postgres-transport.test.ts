import { createTestDatabase } from '../../../test/test-app.js';
import { createPostgresTransport } from './postgres-transport.js';
import { contractMaxReceiveCount, describeTransportContract } from './transport.contract.js';

describeTransportContract('PostgreSQL table (the embedded default)', async () => {
  const database = await createTestDatabase();
  return {
    transport: createPostgresTransport({
      db: database.db,
      queue: 'contract',
      maxReceiveCount: contractMaxReceiveCount,
      pollIntervalMs: 50,
    }),
    close: () => database.close(),
  };
});
