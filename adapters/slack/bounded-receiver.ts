import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPReceiver, type HTTPReceiverOptions } from '@slack/bolt';

/**
 * Bolt's HTTP receiver with its inputs bounded, built on Bolt's documented extension point (a
 * receiver passed to `new App({ receiver })`): the body is read here first, and a request is refused
 * before any signature work or buffering beyond the limit —
 * - a declared or actual body over `maxBodyBytes` gets 413 and the connection is closed mid-upload,
 *   so an unauthenticated client cannot make the process hold what it sends;
 * - a JSON body (or a form's `payload`) that is not an object (`null`, a number, an array) gets 400: Bolt reads fields of the
 *   body and would otherwise throw outside any handler and end the process.
 * - a signed timestamp more than five minutes in the future gets 401.
 * What passes is handed to Bolt already buffered (Bolt reads `rawBody` when it is set), so Bolt
 * verifies the signature and dispatches exactly as it always does.
 */

/** How far ahead of this clock a request's timestamp may be (Bolt allows five minutes behind). */
const MAX_CLOCK_AHEAD_S = 5 * 60;

/** Options of {@link BoundedHTTPReceiver}: Bolt's, plus the body limit. */
export interface BoundedReceiverOptions extends HTTPReceiverOptions {
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
}

/** A Bolt HTTPReceiver that refuses oversized and malformed bodies before Bolt sees them. */
export class BoundedHTTPReceiver extends HTTPReceiver {
  constructor(options: BoundedReceiverOptions) {
    const { maxBodyBytes, ...bolt } = options;
    super(bolt);
    const inner = this.requestListener;
    this.requestListener = (req: IncomingMessage, res: ServerResponse): void => {
      void readBounded(req, maxBodyBytes).then(
        (body) => {
          if (body === null) return refuse(req, res, 413);
          if (!wellFormed(req.headers['content-type'] ?? '', body)) return refuse(req, res, 400);
          // Bolt refuses stale timestamps; one from the future is refused too (a replay prepared ahead).
          if (Number(req.headers['x-slack-request-timestamp']) > Date.now() / 1000 + MAX_CLOCK_AHEAD_S) return refuse(req, res, 401);
          (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body;
          inner(req, res);
        },
        () => refuse(req, res, 400),
      );
    };
  }
}

/** The whole body, or null as soon as it is (or is declared) larger than `max`. */
function readBounded(req: IncomingMessage, max: number): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > max) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.removeAllListeners('data');
        chunks.length = 0;
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(size > max ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** A JSON body, or a form's `payload` field, must hold an object; other forms are left to Bolt. */
function wellFormed(contentType: string, body: Buffer): boolean {
  if (/json/i.test(contentType)) return isJsonObject(body.toString('utf8'));
  const payload = new URLSearchParams(body.toString('utf8')).get('payload');
  return payload === null || isJsonObject(payload);
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/** Answers with a status and no body, and drops the connection (the client may still be uploading). */
function refuse(req: IncomingMessage, res: ServerResponse, status: number): void {
  if (!res.headersSent) res.writeHead(status, { connection: 'close', 'content-length': '0' });
  res.end(() => req.destroy());
}
