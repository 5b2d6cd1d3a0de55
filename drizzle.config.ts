// drizzle-kit's configuration for the change history: `NODE_OPTIONS=--conditions=react-server npx drizzle-kit generate`.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './lib/audit/schema.ts',
  out: './lib/audit/migrations',
  // Must match lib/audit/migrate.ts, so `drizzle-kit migrate` and the console agree on what ran.
  migrations: { schema: 'drizzle', table: 'key_changes_migrations' },
});
