// Per page, not for the whole console: a boundary above a project's layout would send 200 before it can answer 404.
export { PageSkeleton as default } from '@/components/ui/page-skeleton';
