// The schemas the browser checks the console's answers against, by name. Only client.ts loads this, on demand,
// so zod downloads while the first request is in flight instead of holding up the page's first paint.
export { activityPage } from './activity';
export { auditReport } from './audit';
export { review, reviewList } from './reviews';
export { apiError, apiKey, apiKeyList, groupList } from './schemas';
export { serviceAccount, serviceAccountList, serviceAccountSecret } from './service-accounts';
