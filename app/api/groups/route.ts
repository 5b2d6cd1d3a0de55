import { listVisibleProjects } from '@/lib/server/access';
import { withRoute } from '@/lib/server/with-route';
import { otherMethods } from '@/lib/server/unrouted';

export const GET = withRoute({ access: 'signed-in' }, ({ person }) => listVisibleProjects(person.email));

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');
