// An organization, to those who hold a role in it.
import { jsonAnswer } from '../answer';
import type { Handler } from '../context';
import { orgFor } from '../lookup';
import { renderOrg } from '../render';

export const getOrg: Handler = (context) => jsonAnswer(200, renderOrg(orgFor(context), context.base), context.how);
