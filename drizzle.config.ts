// drizzle-kit's configuration for the change history: `NODE_OPTIONS=--conditions=react-server npx drizzle-kit generate`.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './lib/history/schema.ts',
  out: './lib/history/migrations',
  // Must match lib/history/migrate.ts, so `drizzle-kit migrate` and the console agree on what ran.
  migrations: { schema: 'drizzle', table: 'key_changes_migrations' },
});
