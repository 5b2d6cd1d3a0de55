// Where the end-to-end console, its emulator and the test sign-in provider listen.
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
// E2E_PORT_BASE lets two runs share a machine (say, a developer's and CI's).
const port = Number(process.env.E2E_PORT_BASE ?? 3210);
const emulatorPort = port + 1;
export const oidcIssuerPort = port + 2;
const dataDir = `.data/e2e-${port}`;

export const e2eConsole = {
  url: `http://localhost:${port}`,
  emulatorUrl: `http://127.0.0.1:${emulatorPort}`,
  oidcIssuer: `http://127.0.0.1:${oidcIssuerPort}`,
  dataDir: path.join(root, dataDir),
  // A fresh change history and emulator state for every run.
  command: `rm -rf ${dataDir} && mkdir -p ${dataDir} && npx tsx lib/launcher/start.ts 2>&1 | tee ${dataDir}/console.log`,
  env: {
    PORT: String(port),
    EMULATOR_PORT: String(emulatorPort),
    DATA_DIR: dataDir,
    AUTH_OIDC_ISSUER: `http://127.0.0.1:${oidcIssuerPort}`,
    AUTH_OIDC_CLIENT_ID: 'atlas-keys-console-e2e',
    AUTH_OIDC_CLIENT_SECRET: 'e2e-client-secret-not-for-production',
    MUTATIONS_PER_MINUTE: '600',
    // The specs inject faults and read the emulator's state through its test controls.
    EMULATOR_TEST_CONTROLS: '1',
  },
};
