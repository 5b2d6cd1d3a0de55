// Where the built-in demo seed lives: one organization, four projects, a dozen keys, one person per permission case (one
// through a team, one only invited).
import { fileURLToPath } from 'node:url';

// import.meta.url, not __dirname: it is right whether tsx loads this file as CommonJS or as an ES module.
export const demoSeedPath = fileURLToPath(new URL('./demo.json', import.meta.url));
