import { listVisibleProjects } from '@/lib/auth/access';
import { withRoute } from '@/lib/server/with-route';

export const GET = withRoute({ access: 'signed-in' }, ({ person }) => listVisibleProjects(person.email));
