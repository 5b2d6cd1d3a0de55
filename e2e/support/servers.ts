// Where the end-to-end console, its emulator and the test sign-in provider listen.
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const port = 3210;
const emulatorPort = 3211;
export const oidcIssuerPort = 3212;

export const e2eConsole = {
  url: `http://localhost:${port}`,
  emulatorUrl: `http://127.0.0.1:${emulatorPort}`,
  oidcIssuer: `http://127.0.0.1:${oidcIssuerPort}`,
  dataDir: path.join(root, '.data', 'e2e'),
  // A fresh change history and emulator state for every run.
  command: 'rm -rf .data/e2e && mkdir -p .data/e2e && npx tsx lib/launcher/start.ts 2>&1 | tee .data/e2e/console.log',
  env: {
    PORT: String(port),
    EMULATOR_PORT: String(emulatorPort),
    DATA_DIR: '.data/e2e',
    AUTH_OIDC_ISSUER: `http://127.0.0.1:${oidcIssuerPort}`,
    AUTH_OIDC_CLIENT_ID: 'atlas-keys-console-e2e',
    AUTH_OIDC_CLIENT_SECRET: 'e2e-client-secret-not-for-production',
    MUTATIONS_PER_MINUTE: '600',
  },
};
