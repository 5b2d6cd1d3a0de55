import { reviewInput } from '@/lib/api/reviews';
import { listReviews, signReview } from '@/lib/server/reviews';
import { otherMethods } from '@/lib/server/unrouted';
import { withRoute } from '@/lib/server/with-route';

export const GET = withRoute({ access: 'signed-in' }, ({ person }) => listReviews(person));

export const POST = withRoute({ access: 'signed-in', body: reviewInput }, ({ person, body }) => signReview(person, body));

export const { PUT, PATCH, DELETE } = otherMethods('GET', 'POST');
