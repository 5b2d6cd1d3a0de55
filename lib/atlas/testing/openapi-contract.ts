// Checks recorded v2 traffic against the vendored OpenAPI specification with a real JSON Schema validator (ajv).
import 'server-only';
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { RecordedExchange } from './recording-proxy';

type Json = Record<string, unknown>;

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Json;
}

interface Operation {
  id: string;
  method: string;
  template: string;
  regex: RegExp;
  /** Where the operation sits in the document, as a JSON Pointer. */
  pointer: string;
  parameters: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: Json }> };
  responses: Record<string, { content?: Record<string, { schema?: Json }> }>;
}

const specUrl = new URL('../openapi/atlas-admin-v2-subset.json', import.meta.url);
const specId = 'atlas-admin-v2';

const escapePointer = (segment: string) => encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'));
const mediaTypeOf = (contentType: string | undefined) => contentType?.split(';')[0]?.trim().toLowerCase();

export interface Contract {
  /** Deviations of one request from the specification; empty when it matches an operation in every respect. */
  checkRequest(exchange: RecordedExchange): string[];
  /** Deviations of the answer to it; empty when its status is listed and its body valid. */
  checkAnswer(exchange: RecordedExchange): string[];
  /** The operation a request targets, by operationId. */
  operationOf(exchange: RecordedExchange): string | undefined;
}

/**
 * OpenAPI 3.0 writes an exclusive bound as `minimum: 0, exclusiveMinimum: true` (JSON Schema draft 4); ajv speaks
 * draft 7, where the bound itself is `exclusiveMinimum: 0`. The service account lifetimes use it.
 */
function draft7Bounds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(draft7Bounds);
  if (!node || typeof node !== 'object') return node;
  const out: Json = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, draft7Bounds(v)]));
  for (const [flag, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (typeof out[flag] !== 'boolean') continue;
    if (out[flag]) out[flag] = out[bound];
    else delete out[flag];
    if (out[flag] !== undefined) delete out[bound];
  }
  return out;
}

/**
 * The specification's patterns are Java's: most need unicode mode (`\p{L}`), and a few escape what unicode mode refuses
 * (the service account access list's address escapes `\:`); those are compiled without it.
 */
const javaPattern = Object.assign(
  (pattern: string, flags: string): RegExp => {
    try {
      return new RegExp(pattern, flags);
    } catch {
      return new RegExp(pattern, flags.replace('u', ''));
    }
  },
  { code: 'new RegExp' },
);

export function loadContract(): Contract {
  const spec = draft7Bounds(JSON.parse(readFileSync(specUrl, 'utf8'))) as Json;
  // OpenAPI 3.0 keywords ajv does not know (discriminator, example, x-…) are annotations: not strict about them.
  const options = { strict: false, allErrors: true, code: { regExp: javaPattern } };
  const ajv = new Ajv(options);
  const coercing = new Ajv({ ...options, coerceTypes: true });
  for (const validator of [ajv, coercing]) {
    addFormats(validator);
    validator.addSchema(spec, specId);
  }
  // A parameter's schema is compiled on its own, so its references must name the document they point into.
  const anchored = (schema: unknown): unknown =>
    Array.isArray(schema)
      ? schema.map(anchored)
      : schema && typeof schema === 'object'
        ? Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && v.startsWith('#') ? `${specId}${v}` : anchored(v)]))
        : schema;

  const resolve = <T>(value: T | { $ref: string }): T => {
    if (!value || typeof value !== 'object' || !('$ref' in value)) return value as T;
    const target = value.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((node, part) => (node as Json)[part.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
    return target as T;
  };

  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(spec.paths as Record<string, Json>)) {
    for (const [method, raw] of Object.entries(item)) {
      if (method === 'parameters') continue;
      const op = raw as Json;
      const source = template
        .split(/(\{[^}]+\})/)
        .map((part) => (part.startsWith('{') ? '([^/]+)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('');
      operations.push({
        id: String(op.operationId),
        method: method.toUpperCase(),
        template,
        regex: new RegExp(`^${source}$`),
        pointer: `#/paths/${escapePointer(template)}/${method}`,
        parameters: ((op.parameters as unknown[]) ?? []).map((p) => resolve<Parameter>(p as Parameter)),
        requestBody: op.requestBody as Operation['requestBody'],
        responses: Object.fromEntries(Object.entries(op.responses as Json).map(([status, r]) => [status, resolve(r as Json)])),
      });
    }
  }
  // A literal segment beats a template: /teams/byName/{name} before /teams/{teamId}/….
  const literals = (op: Operation) => op.template.split('/').filter((s) => !s.startsWith('{')).length;
  operations.sort((a, b) => literals(b) - literals(a));

  const find = (exchange: RecordedExchange) => {
    const path = exchange.target.split('?')[0] ?? '';
    return operations.find((op) => op.method === exchange.method && op.regex.test(path));
  };

  const validators = new Map<string, ValidateFunction>();
  const validatorAt = (pointer: string) => {
    let validate = validators.get(pointer);
    if (!validate) {
      validate = ajv.compile({ $ref: `${specId}${pointer}` });
      validators.set(pointer, validate);
    }
    return validate;
  };
  const problems = (validate: ValidateFunction) =>
    (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'invalid'}`).join('; ');

  const parseJson = (text: string): { value?: unknown; error?: string } => {
    try {
      return { value: JSON.parse(text) as unknown };
    } catch {
      return { error: 'not JSON' };
    }
  };

  function checkParameters(op: Operation, exchange: RecordedExchange): string[] {
    const url = new URL(exchange.target, 'http://upstream');
    const found: string[] = [];
    const values: Record<string, string | string[]> = {};
    const pathValues = op.regex.exec(url.pathname)?.slice(1) ?? [];
    const pathNames = [...op.template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '');
    pathNames.forEach((name, i) => (values[name] = decodeURIComponent(pathValues[i] ?? '')));
    for (const name of new Set(url.searchParams.keys())) {
      if (!op.parameters.some((p) => p.in === 'query' && p.name === name)) found.push(`query parameter ${name} is not listed`);
      else {
        const listedAs = op.parameters.find((p) => p.in === 'query' && p.name === name);
        // A repeated parameter (`eventType=A&eventType=B`) is an array in the specification.
        values[name] = listedAs?.schema?.type === 'array' ? url.searchParams.getAll(name) : (url.searchParams.get(name) ?? '');
      }
    }
    const listed = op.parameters.filter((p) => p.in === 'path' || p.in === 'query');
    const schema = {
      type: 'object',
      properties: Object.fromEntries(listed.map((p) => [p.name, anchored(p.schema ?? {})])),
      required: listed.filter((p) => p.required).map((p) => p.name),
    };
    const validate = coercing.compile(schema);
    if (!validate(values)) found.push(`parameters: ${problems(validate)}`);
    return found;
  }

  function offeredVersions(op: Operation): Set<string> {
    return new Set(Object.values(op.responses).flatMap((r) => Object.keys(r.content ?? {}).filter((t) => t.includes('vnd.atlas'))));
  }

  return {
    operationOf: (exchange) => find(exchange)?.id,

    checkRequest(exchange) {
      const op = find(exchange);
      if (!op) return [`${exchange.method} ${exchange.target}: no operation of the specification has this method and path`];
      const found = checkParameters(op, exchange);
      const accepted = (exchange.request.accept ?? '').split(',').map((t) => mediaTypeOf(t) ?? '');
      const offered = offeredVersions(op);
      if (!accepted.some((t) => offered.has(t))) found.push(`Accept ${exchange.request.accept ?? '(none)'} is none of ${[...offered].join(', ')}`);
      const body = exchange.request.body;
      if (!op.requestBody) {
        if (body !== '') found.push('sends a body the operation does not take');
      } else if (body === '') {
        if (op.requestBody.required) found.push('sends no body, the operation requires one');
      } else {
        const type = mediaTypeOf(exchange.request.contentType) ?? '';
        const content = op.requestBody.content[type];
        if (!content) found.push(`Content-Type ${exchange.request.contentType ?? '(none)'} is none of ${Object.keys(op.requestBody.content).join(', ')}`);
        else if (content.schema) {
          const parsed = parseJson(body);
          const validate = validatorAt(`${op.pointer}/requestBody/content/${escapePointer(type)}/schema`);
          if (parsed.error) found.push(`request body is ${parsed.error}`);
          else if (!validate(parsed.value)) found.push(`request body: ${problems(validate)}`);
        }
      }
      return found.map((problem) => `${op.id} (${exchange.method} ${exchange.target}): ${problem}`);
    },

    checkAnswer(exchange) {
      const op = find(exchange);
      if (!op) return [];
      const { status, contentType, body } = exchange.answer;
      const listed = op.responses[String(status)] ?? op.responses.default;
      const where = `${op.id} answered ${status}`;
      if (!listed) return [`${where}: the specification lists only ${Object.keys(op.responses).join(', ')}`];
      const content = listed.content ?? {};
      if (body === '') {
        const bodied = Object.values(content).some((entry) => entry.schema);
        return bodied ? [`${where} without a body; the specification has one for it`] : [];
      }
      const type = mediaTypeOf(contentType) ?? '';
      const entry = content[type];
      if (!entry) return [`${where} with a ${contentType ?? 'untyped'} body; the specification has ${Object.keys(content).join(', ') || 'no body'} for it`];
      if (!entry.schema) return [`${where} with a body; the specification has none for it`];
      const parsed = parseJson(body);
      if (parsed.error) return [`${where}: the body is ${parsed.error}`];
      const responsePointer = op.responses[String(status)] ? String(status) : 'default';
      const raw = ((spec.paths as Json)[op.template] as Json)[op.method.toLowerCase()] as Json;
      const direct = (raw.responses as Json)[responsePointer] as Json;
      const pointer =
        '$ref' in direct
          ? `${String(direct.$ref).slice(1)}/content/${escapePointer(type)}/schema`
          : `${op.pointer}/responses/${responsePointer}/content/${escapePointer(type)}/schema`;
      const validate = validatorAt(pointer.startsWith('#') ? pointer : `#${pointer}`);
      return validate(parsed.value) ? [] : [`${where}: ${problems(validate)}`];
    },
  };
}
