// One instance per process of what must be shared: Next.js may load a module once per route layer (pages, route handlers).
import 'server-only';

const registry = globalThis as { [key: symbol]: unknown };

export function processSingleton<T>(name: string, create: () => T): T {
  const key = Symbol.for(`atlas-keys-console.${name}`);
  if (!(key in registry)) registry[key] = create();
  return registry[key] as T;
}
