import { everyMethod } from '@/lib/server/unrouted';

export const { GET, POST, PUT, PATCH, DELETE } = everyMethod;
