/**
 * A W3C Trace Context `traceparent` for one user action's API call: a fresh
 * trace id and parent id from the browser's crypto, sampled (a person's clicks
 * are few and each is worth following). No SDK: the header is all the server
 * needs to continue the trace through the API, the queue and the consumer.
 */
export function newTraceparent(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const hex = (length: number) => {
    // An all-zero id is invalid; the chance is nil, but the rule is cheap to keep.
    let id = '';
    while (!/[1-9a-f]/.test(id)) {
      id = Array.from(random(new Uint8Array(length)), (byte) => byte.toString(16).padStart(2, '0')).join('');
    }
    return id;
  };
  return `00-${hex(16)}-${hex(8)}-01`;
}

/** openapi-fetch middleware: every API call starts its own trace unless the caller already set one. */
export const traceparentMiddleware = {
  async onRequest({ request }: { request: Request }) {
    if (!request.headers.has('traceparent')) request.headers.set('traceparent', newTraceparent());
    return request;
  },
};
