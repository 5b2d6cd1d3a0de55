import { checkHealth } from '@/lib/server/health';
import { otherMethods } from '@/lib/server/unrouted';

export async function GET(): Promise<Response> {
  const health = await checkHealth();
  return Response.json(health, { status: health.ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');
