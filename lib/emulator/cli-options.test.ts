// The emulator's command line options.
import { describe, expect, it } from 'vitest';
import { parseCliOptions } from './cli-options';
import { demoSeedPath } from './seeds/demo';

describe('parseCliOptions', () => {
  it('defaults to the demo seed, an ephemeral port on loopback, state in memory and no latency', () => {
    expect(parseCliOptions([])).toEqual({ seedFile: demoSeedPath, port: 0, host: '127.0.0.1', dataFile: undefined, latencyMs: 0, testControls: false });
  });

  it('reads every option', () => {
    const argv = ['--seed', 's.json', '--port', '4100', '--host', '0.0.0.0', '--data', 'd.json', '--latency-ms', '25'];
    expect(parseCliOptions(argv)).toEqual({ seedFile: 's.json', port: 4100, host: '0.0.0.0', dataFile: 'd.json', latencyMs: 25, testControls: false });
    expect(parseCliOptions(['--memory']).dataFile).toBeUndefined();
  });

  it.each([
    [['--data', 'd.json', '--memory'], /exclude each other/],
    [['--port', 'http'], /--port must be a whole number/],
    [['--port', '70000'], /--port/],
    [['--latency-ms', '-5'], /--latency-ms/],
    [['--seeds', 'x'], /Unknown option/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCliOptions(argv)).toThrow(message);
  });
});
