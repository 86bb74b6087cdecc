/**
 * Node's own codes for a socket that could not connect, was lost, or was refused: the same facts
 * whichever SQL client opened the socket. Each dialect's errors.ts adds its client's own codes.
 */
export const NODE_CONNECTION_CODES: readonly string[] = [
  "ECONNREFUSED", "ECONNRESET", "ECONNABORTED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "EHOSTDOWN",
  "ENETUNREACH", "ENETDOWN", "ENETRESET", "EPIPE", "ENOENT", "EACCES",
];
