import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: [
    './src/platform/db/seeds.ts',
    './src/platform/events/schema.ts',
    './src/platform/scheduling/schema.ts',
    './src/modules/*/schema.ts',
  ],
  out: './drizzle',
  strict: true,
});
