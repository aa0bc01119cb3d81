import { EventEmitter, once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A protocol-faithful local Slack for tests, on 127.0.0.1 and a random port:
 * - the Web API (`POST /api/<method>`): form-encoded or JSON bodies parsed as Slack does (form fields
 *   such as `blocks` are JSON strings), the bearer token (or `token` field) checked, answers shaped
 *   like Slack's (`{ ok, … }` with HTTP 200, errors as `{ ok: false, error }`), Block Kit limits
 *   enforced (`invalid_blocks`), and a switch to answer the next call with HTTP 429 + `Retry-After`;
 * - `response_url` endpoints (`POST /hooks/respond/<id>`) for Bolt's `respond()`;
 * - Socket Mode: `apps.connections.open` (app-level token) returns a `ws://` URL on this server,
 *   which sends `hello`, then envelopes the test pushes, and collects the app's acks.
 * Every call is recorded for assertions.
 */

/** One Web API call as the fake received it. */
export interface ApiCall {
  method: string;
  /** Parsed parameters: form fields, with `blocks`/`attachments`/`metadata` JSON-decoded. */
  params: Record<string, unknown>;
  /** The token used (bearer header or `token` field), or null. */
  token: string | null;
  contentType: string;
  /** HTTP status the fake answered with. */
  status: number;
  /** The JSON the fake answered with. */
  response: Record<string, unknown>;
  at: number;
}

/** One POST to a response_url. */
export interface ResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
  status: number;
  at: number;
}

/** An acknowledgement of a Socket Mode envelope. */
export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

/** Identity of the fake workspace. */
export const FAKE_WORKSPACE = {
  teamId: 'T0NEWSDESK',
  teamDomain: 'newsdesk-test',
  appId: 'A0NEWSDESK',
  botUserId: 'U0NEWSBOT',
  botId: 'B0NEWSBOT',
  botToken: 'xoxb-1111-2222-faketoken',
  appToken: 'xapp-1-A0NEWSDESK-3333-fakeapptoken',
} as const;

/** Options of {@link FakeSlack.start}. */
export interface FakeSlackOptions {
  botToken?: string;
  appToken?: string;
}

/** The fake Slack server. */
export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponseUrlPost[] = [];
  /** Channels chat.postMessage refuses, with the error Slack gives (channel_not_found, not_in_channel, is_archived…). */
  readonly channelErrors = new Map<string, string>();
  readonly acks: SocketAck[] = [];
  /** Workspace roles users.info reports (everyone else is an ordinary member). */
  readonly roles = new Map<string, 'admin' | 'owner'>();
  private readonly events = new EventEmitter();
  private readonly rateLimited: { method: string; retryAfter: number }[] = [];
  private readonly responseFailures: number[] = [];
  private readonly stalledPosts: ('delivered' | 'lost')[] = [];
  /** Messages posted per channel, newest first (conversations.history). */
  private readonly history = new Map<string, Record<string, unknown>[]>();
  /** response_url posts answered with a failure so far. */
  failedResponses = 0;
  private readonly sockets = new Set<WebSocket>();
  private readonly tickets = new Set<string>();
  private tsCounter = 0;

  private constructor(
    private readonly server: http.Server,
    private readonly wss: WebSocketServer,
    private readonly options: Required<FakeSlackOptions>,
  ) {}

  /** Starts the fake on 127.0.0.1 and a free port. */
  static async start(options: FakeSlackOptions = {}): Promise<FakeSlack> {
    const server = http.createServer();
    const wss = new WebSocketServer({ noServer: true });
    const fake = new FakeSlack(server, wss, { botToken: options.botToken ?? FAKE_WORKSPACE.botToken, appToken: options.appToken ?? FAKE_WORKSPACE.appToken });
    fake.events.setMaxListeners(100);
    server.on('request', (req, res) => void fake.handle(req, res));
    server.on('upgrade', (req, socket, head) => fake.upgrade(req, socket, head));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return fake;
  }

  /** Base URL of the Web API, for `SLACK_API_URL` / `clientOptions.slackApiUrl`. */
  get apiUrl(): string {
    return `${this.origin}/api/`;
  }

  /** http://127.0.0.1:PORT */
  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** A fresh response_url, as Slack puts in slash command and interaction payloads. */
  responseUrl(id: string = randomUUID()): string {
    return `${this.origin}/hooks/respond/${id}`;
  }

  /**
   * Never answers the next chat.postMessage: `delivered` posts the message first (Slack got it, the
   * answer was lost), `lost` does not (the request never arrived). The call is recorded with status 0.
   */
  stallNextPost(kind: 'delivered' | 'lost'): void {
    this.stalledPosts.push(kind);
  }

  /** Answers the next call to `method` with HTTP 429 and `Retry-After: retryAfter` (seconds). */
  rateLimitNext(method: string, retryAfter = 1): void {
    this.rateLimited.push({ method, retryAfter });
  }

  /** Calls to one Web API method, in order. */
  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /**
   * Resolves with the first call to `method` (already made or to come) matching `match` and answered
   * with HTTP 200.
   */
  waitForCall(method: string, match: (c: ApiCall) => boolean = () => true, timeoutMs = 8000): Promise<ApiCall> {
    const ok = (c: ApiCall) => c.method === method && c.status === 200 && match(c);
    return this.waitFor('call', () => this.calls.find(ok), timeoutMs, `a ${method} call`);
  }

  /** Resolves with the first response_url POST (already made or to come) matching `match`. */
  waitForResponse(match: (r: ResponseUrlPost) => boolean = () => true, timeoutMs = 8000): Promise<ResponseUrlPost> {
    return this.waitFor('response', () => this.responses.find(match), timeoutMs, 'a response_url post');
  }

  /** Number of open Socket Mode connections. */
  get socketCount(): number {
    return this.sockets.size;
  }

  /** Resolves when a Socket Mode client has connected (and was sent `hello`). */
  waitForSocket(timeoutMs = 8000): Promise<WebSocket> {
    return this.waitFor('socket', () => [...this.sockets][0], timeoutMs, 'a Socket Mode connection');
  }

  /**
   * Sends a Socket Mode envelope to the connected client and resolves with its ack.
   * @param type - `events_api`, `slash_commands` or `interactive`
   * @param payload - what Slack would POST in HTTP mode (event_callback body, command fields, interaction payload)
   */
  async sendEnvelope(
    type: 'events_api' | 'slash_commands' | 'interactive',
    payload: Record<string, unknown>,
    retry = { attempt: 0, reason: '' },
    timeoutMs = 8000,
  ): Promise<SocketAck> {
    const socket = await this.waitForSocket(timeoutMs);
    const envelopeId = randomUUID();
    socket.send(
      JSON.stringify({
        envelope_id: envelopeId,
        payload,
        type,
        accepts_response_payload: type !== 'events_api',
        retry_attempt: retry.attempt,
        retry_reason: retry.reason,
      }),
    );
    return this.waitFor('ack', () => this.acks.find((a) => a.envelope_id === envelopeId), timeoutMs, `the ack of envelope ${envelopeId}`);
  }

  /** Closes every connection and the server. */
  async close(): Promise<void> {
    for (const s of this.sockets) s.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ── HTTP ───────────────────────────────────────────────────────────────────────────────────

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    const contentType = String(req.headers['content-type'] ?? '');
    if (req.method === 'POST' && url.pathname.startsWith('/api/')) return this.api(url.pathname.slice(5), req, raw, contentType, res);
    if (req.method === 'POST' && url.pathname.startsWith('/hooks/respond/')) return this.respond(url.pathname.slice(15), raw, contentType, res);
    send(res, 404, { ok: false, error: 'not_found' });
  }

  private api(method: string, req: http.IncomingMessage, raw: string, contentType: string, res: http.ServerResponse): void {
    let params: Record<string, unknown>;
    try {
      params = parseApiBody(raw, contentType);
    } catch {
      return this.answer(res, { method, params: {}, token: null, contentType }, 200, { ok: false, error: 'invalid_json' });
    }
    const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1] ?? null;
    const token = bearer ?? (typeof params.token === 'string' ? params.token : null);
    const call = { method, params, token, contentType };

    const limited = this.rateLimited.findIndex((r) => r.method === method);
    if (limited >= 0) {
      const { retryAfter } = this.rateLimited.splice(limited, 1)[0]!;
      res.setHeader('Retry-After', String(retryAfter));
      return this.answer(res, call, 429, { ok: false, error: 'ratelimited' });
    }
    if (contentType.startsWith('application/json') && bearer === null) return this.answer(res, call, 200, { ok: false, error: 'not_authed' });
    if (token === null) return this.answer(res, call, 200, { ok: false, error: 'not_authed' });

    if (method === 'apps.connections.open') {
      if (token !== this.options.appToken)
        return this.answer(res, call, 200, { ok: false, error: token.startsWith('xoxb-') ? 'not_allowed_token_type' : 'invalid_auth' });
      const ticket = randomUUID();
      this.tickets.add(ticket);
      return this.answer(res, call, 200, {
        ok: true,
        url: `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/link/?ticket=${ticket}&app_id=${FAKE_WORKSPACE.appId}`,
      });
    }
    if (token !== this.options.botToken)
      return this.answer(res, call, 200, { ok: false, error: token.startsWith('xapp-') ? 'not_allowed_token_type' : 'invalid_auth' });

    switch (method) {
      case 'auth.test':
        return this.answer(res, call, 200, {
          ok: true,
          url: `https://${FAKE_WORKSPACE.teamDomain}.slack.com/`,
          team: 'Newsdesk Test',
          user: 'newsdesk',
          team_id: FAKE_WORKSPACE.teamId,
          user_id: FAKE_WORKSPACE.botUserId,
          bot_id: FAKE_WORKSPACE.botId,
          is_enterprise_install: false,
        });
      case 'chat.postMessage': {
        const problem = this.channelErrors.get(String(params.channel)) ?? messageProblem(params);
        if (problem) return this.answer(res, call, 200, { ok: false, error: problem });
        const ts = this.nextTs();
        const message: Record<string, unknown> = { type: 'message', text: params.text ?? '', user: FAKE_WORKSPACE.botUserId, bot_id: FAKE_WORKSPACE.botId, ts };
        if (params.blocks) message.blocks = params.blocks;
        if (params.thread_ts) message.thread_ts = params.thread_ts;
        if (params.metadata) message.metadata = typeof params.metadata === 'string' ? JSON.parse(params.metadata) : params.metadata;
        const stall = this.stalledPosts.shift();
        if (stall !== 'lost') {
          const history = this.history.get(String(params.channel)) ?? [];
          history.unshift(message);
          this.history.set(String(params.channel), history);
        }
        if (stall) {
          // No answer: the connection stays open until the client gives up or the fake closes.
          this.calls.push({ ...call, status: 0, response: {}, at: Date.now() });
          this.events.emit('call');
          return;
        }
        return this.answer(res, call, 200, { ok: true, channel: params.channel, ts, message });
      }
      case 'chat.postEphemeral': {
        const problem = messageProblem(params) ?? (typeof params.user === 'string' ? null : 'user_not_in_channel');
        if (problem) return this.answer(res, call, 200, { ok: false, error: problem });
        return this.answer(res, call, 200, { ok: true, message_ts: this.nextTs() });
      }
      case 'chat.update': {
        const problem = messageProblem(params) ?? (typeof params.ts === 'string' ? null : 'message_not_found');
        if (problem) return this.answer(res, call, 200, { ok: false, error: problem });
        return this.answer(res, call, 200, { ok: true, channel: params.channel, ts: params.ts, text: params.text ?? '' });
      }
      case 'conversations.history': {
        // Newest first, metadata only when asked for (include_all_metadata), as Slack does.
        const withMetadata = params.include_all_metadata === true || params.include_all_metadata === 'true';
        const limit = Number(params.limit ?? 100);
        const messages = (this.history.get(String(params.channel)) ?? []).slice(0, limit).map((m) => (withMetadata ? m : { ...m, metadata: undefined }));
        return this.answer(res, call, 200, { ok: true, messages, has_more: false });
      }
      case 'users.info': {
        const id = String(params.user ?? '');
        if (!/^[UW][A-Z0-9]+$/.test(id)) return this.answer(res, call, 200, { ok: false, error: 'user_not_found' });
        const role = this.roles.get(id);
        return this.answer(res, call, 200, {
          ok: true,
          user: {
            id,
            team_id: FAKE_WORKSPACE.teamId,
            name: id.toLowerCase(),
            deleted: false,
            is_admin: role === 'admin' || role === 'owner',
            is_owner: role === 'owner',
            is_bot: false,
          },
        });
      }
      default:
        return this.answer(res, call, 200, { ok: false, error: 'unknown_method' });
    }
  }

  /** Makes the next `count` response_url posts fail with `status` (500, 503…), or drops the connection (0). */
  failResponses(count: number, status: number): void {
    this.responseFailures.push(...Array.from({ length: count }, () => status));
  }

  private respond(id: string, raw: string, contentType: string, res: http.ServerResponse): void {
    const failure = this.responseFailures.shift();
    if (failure !== undefined) {
      this.failedResponses++;
      if (failure === 0) return void res.socket?.destroy();
      return send(res, failure, { ok: false, error: 'internal_error' });
    }
    let body: Record<string, unknown>;
    try {
      body = contentType.startsWith('application/json') ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      body = {};
    }
    const problem = body.delete_original === true ? null : messageProblem(body);
    const status = problem ? 400 : 200;
    this.responses.push({ id, body, status, at: Date.now() });
    this.events.emit('response');
    if (problem) send(res, status, { ok: false, error: problem });
    else send(res, 200, { ok: true });
  }

  private answer(res: http.ServerResponse, call: Omit<ApiCall, 'status' | 'response' | 'at'>, status: number, response: Record<string, unknown>): void {
    this.calls.push({ ...call, status, response, at: Date.now() });
    this.events.emit('call');
    send(res, status, response);
  }

  private nextTs(): string {
    this.tsCounter++;
    return `${1_700_000_000 + this.tsCounter}.${String(this.tsCounter).padStart(6, '0')}`;
  }

  // ── Socket Mode ─────────────────────────────────────────────────────────────────────────────

  private upgrade(req: http.IncomingMessage, socket: import('node:stream').Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const ticket = url.searchParams.get('ticket');
    if (!url.pathname.startsWith('/link') || !ticket || !this.tickets.delete(ticket)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.sockets.add(ws);
      ws.on('close', () => this.sockets.delete(ws));
      ws.on('message', (data) => {
        try {
          const ack = JSON.parse(data.toString()) as SocketAck;
          if (typeof ack.envelope_id === 'string') {
            this.acks.push(ack);
            this.events.emit('ack');
          }
        } catch {
          // not JSON: ignored, as Slack does
        }
      });
      ws.send(
        JSON.stringify({
          type: 'hello',
          num_connections: this.sockets.size,
          debug_info: { host: 'applink-fake', build_number: 1, approximate_connection_time: 18060 },
          connection_info: { app_id: FAKE_WORKSPACE.appId },
        }),
      );
      this.events.emit('socket');
    });
  }

  private waitFor<T>(event: string, find: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const found = find();
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const check = () => {
        const hit = find();
        if (hit === undefined) return;
        clearTimeout(timer);
        this.events.off(event, check);
        resolve(hit);
      };
      const timer = setTimeout(() => {
        this.events.off(event, check);
        reject(new Error(`fake Slack: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      this.events.on(event, check);
    });
  }
}

/** Parses a Web API body the way Slack does: JSON, or form fields with JSON-encoded structured fields. */
function parseApiBody(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.startsWith('application/json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const params: Record<string, unknown> = Object.fromEntries(new URLSearchParams(raw));
  for (const key of ['blocks', 'attachments', 'metadata']) {
    if (typeof params[key] === 'string') params[key] = JSON.parse(params[key] as string);
  }
  return params;
}

/**
 * Slack's checks on a message: something to show, at most 50 blocks, and each block within Block
 * Kit's limits. Returns the Slack error code, or null when the message is acceptable.
 */
export function messageProblem(params: Record<string, unknown>): string | null {
  const blocks = params.blocks;
  const text = params.text;
  if ((typeof text !== 'string' || text === '') && !Array.isArray(blocks)) return 'no_text';
  if (typeof text === 'string' && text.length > 40_000) return 'msg_too_long';
  if (blocks === undefined) return null;
  if (!Array.isArray(blocks) || blocks.length > 50) return 'invalid_blocks';
  const actionIds = new Set<string>();
  for (const block of blocks as Record<string, unknown>[]) {
    if (!blockOk(block, actionIds)) return 'invalid_blocks';
  }
  return null;
}

function blockOk(block: Record<string, unknown>, actionIds: Set<string>): boolean {
  const textOk = (t: unknown, max: number, types = ['mrkdwn', 'plain_text']) => {
    const o = t as { type?: unknown; text?: unknown } | undefined;
    return !!o && types.includes(String(o.type)) && typeof o.text === 'string' && o.text.length >= 1 && o.text.length <= max;
  };
  switch (block.type) {
    case 'section':
      return textOk(block.text, 3000);
    case 'context': {
      const els = block.elements;
      return Array.isArray(els) && els.length >= 1 && els.length <= 10 && els.every((e) => textOk(e, 3000));
    }
    case 'divider':
      return true;
    case 'actions': {
      const els = block.elements;
      if (!Array.isArray(els) || els.length < 1 || els.length > 25) return false;
      return els.every((e: Record<string, unknown>) => {
        if (e.type !== 'button') return false;
        const id = e.action_id;
        if (typeof id !== 'string' || id.length > 255 || actionIds.has(id)) return false;
        actionIds.add(id);
        return textOk(e.text, 75, ['plain_text']) && (e.value === undefined || (typeof e.value === 'string' && e.value.length <= 2000));
      });
    }
    default:
      return false;
  }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, body: Record<string, unknown>): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(json) });
  res.end(json);
}
