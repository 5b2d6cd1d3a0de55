// Where a matrix cell leads: the project's key page, narrowed to that key by its public key (unique in the organization).
export function keyPageHref(groupId: string, publicKey: string): string {
  return `/projects/${groupId}?q=${encodeURIComponent(publicKey)}`;
}
