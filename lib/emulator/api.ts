// One request to the Admin API surfaces: authenticate, rate-limit, check the v2 media type, route, answer in the upstream's shape.
import type { TokenBuckets } from '@/lib/token-buckets';
import { errorAnswer, type Answer, type Presentation } from './answer';
import { authenticate, type Credentials } from './authenticate';
import { ApiError, apiError } from './errors';
import { eventAddress } from './events';
import { mediaTypeOf, requestedVersion } from './media-type';
import { findRoute } from './routes';
import type { Surface } from './surfaces';

export interface ApiDependencies extends Credentials {
  buckets: TokenBuckets;
}

export interface ApiRequest {
  method: string;
  /** The request-target as received, which Digest signs. */
  target: string;
  /** The absolute URL as the client addressed it (its Host), for links. */
  url: URL;
  authorization: string | undefined;
  accept: string | undefined;
  body: string;
  /** The socket's peer address, as Node gives it. */
  remoteAddress?: string;
}

const flag = (url: URL, name: string) => url.searchParams.get(name)?.toLowerCase() === 'true';

export function answerApi(
  request: ApiRequest,
  { surface, resource }: { surface: Surface; resource: string },
  dependencies: ApiDependencies,
): { answer: Answer; challenged: boolean } {
  const remoteAddress = eventAddress(request.remoteAddress);
  const auth = authenticate({ ...request, remoteAddress }, dependencies);
  if ('answer' in auth) return { answer: auth.answer, challenged: true };
  const { principal } = auth;

  const version = surface.versioned ? requestedVersion(request.accept) : undefined;
  const how: Presentation = {
    contentType: version ? mediaTypeOf(version) : 'application/json',
    pretty: flag(request.url, 'pretty'),
    envelope: flag(request.url, 'envelope'),
  };
  const done = (answer: Answer) => ({ answer, challenged: false });

  const wait = dependencies.buckets.take(`${principal.kind}:${principal.id}`);
  if (wait > 0) {
    return done(
      surface.versioned
        ? errorAnswer(apiError('RATE_LIMITED_TOKEN_BUCKET'), how, { 'retry-after': String(wait) })
        : errorAnswer(apiError('RATE_LIMITED'), how),
    );
  }
  if (surface.versioned && !version) return done(errorAnswer(apiError('INVALID_VERSION_DATE'), how));

  const found = findRoute(surface, request.method, resource);
  if (!found) return done(errorAnswer(apiError('RESOURCE_NOT_FOUND', request.url.pathname), how));
  try {
    return done(
      found.handler({
        surface,
        version,
        principal,
        state: dependencies.state,
        params: found.params,
        url: request.url,
        base: `${request.url.origin}${surface.prefix}`,
        body: request.body,
        remoteAddress,
        how,
      }),
    );
  } catch (error) {
    if (error instanceof ApiError) return done(errorAnswer(error, how));
    throw error;
  }
}
