// How the Admin API shows a private key after creation; the emulator answers with it and the browser's lists keep only it.

/** `********-****-****-` and the last 12 hex digits. */
export const maskPrivateKey = (privateKey: string) => `********-****-****-${privateKey.slice(-12)}`;
