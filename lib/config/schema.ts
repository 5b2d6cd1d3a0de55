// The environment the console runs with, as one zod schema; parsing it never prints a secret.
import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const optionalUrl = optionalText.pipe(z.url({ protocol: /^https?$/ }).optional());

/** The three API roots the console speaks; the path says the product and version (lib/atlas/flavor.ts). */
const adminApiRoot = /\/api\/(public\/v1\.0|atlas\/v1\.0|atlas\/v2)\/*$/;

export const envSchema = z
  .object({
    ATLAS_BASE_URL: optionalUrl.refine((url) => url === undefined || adminApiRoot.test(new URL(url).pathname), {
      message: 'must end in /api/public/v1.0 (Cloud or Ops Manager), /api/atlas/v1.0 or /api/atlas/v2',
    }),
    ATLAS_ORG_ID: optionalText.pipe(z.string().regex(/^[a-f0-9]{24}$/, 'must be a 24-hex organization id').optional()),
    ATLAS_PUBLIC_KEY: optionalText,
    ATLAS_PRIVATE_KEY: optionalText,
    ATLAS_CLIENT_ID: optionalText,
    ATLAS_CLIENT_SECRET: optionalText,
    /**
     * Which product serves an /api/public/v1.0 base URL when its host does not tell (only cloud.mongodb.com is Cloud
     * Manager by name): Cloud Manager has service accounts, Ops Manager has none.
     */
    ATLAS_PRODUCT: optionalText.pipe(z.enum(['cloud-manager', 'ops-manager'], { message: 'must be cloud-manager or ops-manager' }).optional()),
    ATLAS_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    AUTH_OIDC_ISSUER: optionalUrl,
    AUTH_OIDC_CLIENT_ID: optionalText,
    AUTH_OIDC_CLIENT_SECRET: optionalText,
    NEXTAUTH_SECRET: optionalText.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
    NEXTAUTH_URL: optionalUrl,
    DATABASE_URL: optionalText.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
    DATA_DIR: z.string().trim().min(1).default('.data'),
    PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
    /** A reverse proxy in front sets X-Forwarded-Host and X-Forwarded-Proto; without it they are ignored. */
    TRUSTED_PROXY: z
      .enum(['true', 'false', '1', '0', ''], { message: 'must be true or false' })
      .optional()
      .transform((v) => v === 'true' || v === '1'),
    /** Set by `npm start` for the embedded emulator: the console's pass to its /__emulator/info probe. */
    EMULATOR_CONTROL_TOKEN: optionalText,
    /** Mutations one person may make per minute through the console (protects the organization's upstream quota). */
    MUTATIONS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(60),
  })
  .superRefine((env, ctx) => {
    const need = (name: keyof typeof env, why: string) => {
      if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: `is required ${why}` });
    };
    if (env.ATLAS_BASE_URL) {
      need('ATLAS_ORG_ID', 'when ATLAS_BASE_URL is set');
      const digest = env.ATLAS_PUBLIC_KEY || env.ATLAS_PRIVATE_KEY;
      const oauth = env.ATLAS_CLIENT_ID || env.ATLAS_CLIENT_SECRET;
      if (digest && oauth) {
        ctx.addIssue({ code: 'custom', path: ['ATLAS_CLIENT_ID'], message: 'set either an API key or a service account, not both' });
      } else if (oauth) {
        need('ATLAS_CLIENT_ID', 'with ATLAS_CLIENT_SECRET');
        need('ATLAS_CLIENT_SECRET', 'with ATLAS_CLIENT_ID');
      } else {
        need('ATLAS_PUBLIC_KEY', 'when ATLAS_BASE_URL is set (or use ATLAS_CLIENT_ID/ATLAS_CLIENT_SECRET)');
        need('ATLAS_PRIVATE_KEY', 'when ATLAS_BASE_URL is set (or use ATLAS_CLIENT_ID/ATLAS_CLIENT_SECRET)');
      }
    }
    if (env.ATLAS_PRODUCT && !env.ATLAS_BASE_URL?.replace(/\/+$/, '').endsWith('/api/public/v1.0')) {
      ctx.addIssue({ code: 'custom', path: ['ATLAS_PRODUCT'], message: 'applies only to an ATLAS_BASE_URL ending in /api/public/v1.0' });
    }
    const oidc = [env.AUTH_OIDC_ISSUER, env.AUTH_OIDC_CLIENT_ID, env.AUTH_OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_OIDC_ISSUER'],
        message: 'AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID and AUTH_OIDC_CLIENT_SECRET go together',
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment; the error names the variable and the rule, never the value. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const variable = first?.path.join('.') || 'environment';
  throw new ConfigError(`Configuration error: ${variable} ${first?.message ?? 'is invalid'}`);
}

/** What the console's server process runs with: the upstream and the session secret are known (`npm start` sees to both). */
export type ServerEnv = Env & { ATLAS_BASE_URL: string; ATLAS_ORG_ID: string; NEXTAUTH_SECRET: string };

/** The server process's environment, refused with one line when started without the launcher and without an upstream. */
export function parseServerEnv(source: Record<string, string | undefined>): ServerEnv {
  const env = parseEnv(source);
  const { ATLAS_BASE_URL, ATLAS_ORG_ID, NEXTAUTH_SECRET } = env;
  if (!ATLAS_BASE_URL || !ATLAS_ORG_ID) {
    throw new ConfigError('Configuration error: ATLAS_BASE_URL is not set; run `npm start`, which starts the embedded emulator');
  }
  if (!NEXTAUTH_SECRET) throw new ConfigError('Configuration error: NEXTAUTH_SECRET is required (npm start generates one in embedded mode)');
  return { ...env, ATLAS_BASE_URL, ATLAS_ORG_ID, NEXTAUTH_SECRET };
}
