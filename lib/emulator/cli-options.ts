// The emulator command line: `--seed FILE --port N [--host H] [--data FILE | --memory] [--latency-ms N]`, checked with zod.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { demoSeedPath } from './seeds/demo';

const usage =
  'usage: npm run emulator -- [--seed FILE] [--port N] [--host 127.0.0.1] [--data FILE | --memory] [--latency-ms N] [--test-controls]';

const wholeNumber = (max: number) => z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(z.number().max(max));

const optionsSchema = z
  .object({
    seed: z.string().min(1).default(demoSeedPath),
    port: wholeNumber(65_535).default(0),
    host: z.string().min(1).default('127.0.0.1'),
    data: z.string().min(1).optional(),
    memory: z.boolean().default(false),
    'latency-ms': wholeNumber(600_000).default(0),
    'test-controls': z.boolean().default(false),
  })
  .refine((o) => !(o.data && o.memory), '--data and --memory exclude each other');

export interface CliOptions {
  seedFile: string;
  port: number;
  host: string;
  /** Absent = state kept in memory only. */
  dataFile: string | undefined;
  latencyMs: number;
  /** Open the unauthenticated /__emulator/ controls (state, faults, reset); only for tests. */
  testControls: boolean;
}

export function parseCliOptions(argv: string[]): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      seed: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      memory: { type: 'boolean' },
      'latency-ms': { type: 'string' },
      'test-controls': { type: 'boolean' },
    },
    strict: true,
    allowPositionals: false,
  });
  const parsed = optionsSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${issue?.path.length ? `--${issue.path.join('.')} ` : ''}${issue?.message ?? 'invalid options'}\n${usage}`);
  }
  const o = parsed.data;
  return { seedFile: o.seed, port: o.port, host: o.host, dataFile: o.data, latencyMs: o['latency-ms'], testControls: o['test-controls'] };
}
