import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Sends requests to a Bolt HTTP receiver the way Slack does: signed with the app's signing secret
 * (HMAC-SHA256 of `v0:timestamp:body`, `X-Slack-Signature` and `X-Slack-Request-Timestamp`), events as
 * JSON, slash commands as form fields, interactions as a form field `payload=<json>`. Payloads start
 * from the real shapes kept in test/fixtures/slack/.
 */

/** The signing secret the tests configure (hex, as Slack's are). */
export const TEST_SIGNING_SECRET = '8f742231b10e8888abcd99eeeeee85a5';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/slack');

/** Reads a fixture (a fresh copy each time). */
export function loadSlackFixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8')) as T;
}

/**
 * Slack's request signature.
 * @example slackSignature('secret', 1531420618, 'token=x') // 'v0=…'
 */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** What the receiver answered. */
export interface ReceiverReply {
  status: number;
  body: string;
  /** Milliseconds from sending to the full reply. */
  ms: number;
}

/** Options of one signed request. */
export interface SignOptions {
  /** Unix seconds; defaults to now. */
  timestamp?: number;
  /** Use this signature instead of the correct one. */
  signature?: string;
  /** Sign with this secret instead of the test one. */
  secret?: string;
  headers?: Record<string, string>;
}

/** Sends signed requests to `http://127.0.0.1:PORT/slack/events`. */
export class SlackRequester {
  constructor(
    readonly url: string,
    private readonly secret: string = TEST_SIGNING_SECRET,
  ) {}

  /** POSTs a raw body, signed. */
  async post(body: string, contentType: string, options: SignOptions = {}): Promise<ReceiverReply> {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const signature = options.signature ?? slackSignature(options.secret ?? this.secret, timestamp, body);
    const started = performance.now();
    const res = await fetch(this.url, {
      method: 'POST',
      headers: {
        'Content-Type': contentType,
        'X-Slack-Request-Timestamp': String(timestamp),
        'X-Slack-Signature': signature,
        'User-Agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
        ...options.headers,
      },
      body,
    });
    const text = await res.text();
    return { status: res.status, body: text, ms: performance.now() - started };
  }

  /** An Events API delivery (JSON); `retryNum` adds Slack's retry headers. */
  event(envelope: Record<string, unknown>, options: SignOptions & { retryNum?: number } = {}): Promise<ReceiverReply> {
    const headers = { ...options.headers };
    if (options.retryNum !== undefined) {
      headers['X-Slack-Retry-Num'] = String(options.retryNum);
      headers['X-Slack-Retry-Reason'] = 'http_timeout';
    }
    return this.post(JSON.stringify(envelope), 'application/json', { ...options, headers });
  }

  /** A slash command (form-encoded fields). */
  command(fields: Record<string, string>, options: SignOptions = {}): Promise<ReceiverReply> {
    return this.post(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', options);
  }

  /** An interaction such as block_actions (form field `payload` holding the JSON). */
  interaction(payload: Record<string, unknown>, options: SignOptions = {}): Promise<ReceiverReply> {
    return this.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded', options);
  }
}

/** Fields of an app_mention delivery to override. */
export interface MentionFields {
  text: string;
  ts: string;
  eventId: string;
  threadTs?: string;
  channel?: string;
  user?: string;
}

/** An app_mention `event_callback` from the fixture with the given text, ts and event id. */
export function mentionEnvelope(f: MentionFields): Record<string, unknown> {
  const envelope = loadSlackFixture<{ event: Record<string, unknown> } & Record<string, unknown>>('event-app-mention.json');
  Object.assign(envelope.event, { text: f.text, ts: f.ts, event_ts: f.ts, ...(f.threadTs ? { thread_ts: f.threadTs } : {}) });
  if (f.channel) envelope.event.channel = f.channel;
  if (f.user) envelope.event.user = f.user;
  envelope.event_id = f.eventId;
  return envelope;
}

/** A channel thread reply (`message` event) from the fixture. */
export function threadReplyEnvelope(f: MentionFields & { threadTs: string }): Record<string, unknown> {
  const envelope = loadSlackFixture<{ event: Record<string, unknown> } & Record<string, unknown>>('event-message-thread-reply.json');
  Object.assign(envelope.event, { text: f.text, ts: f.ts, event_ts: f.ts, thread_ts: f.threadTs });
  if (f.channel) envelope.event.channel = f.channel;
  if (f.user) envelope.event.user = f.user;
  envelope.event_id = f.eventId;
  return envelope;
}

/** A direct message (`message` event in an `im`) from the fixture. */
export function directMessageEnvelope(f: Omit<MentionFields, 'threadTs'> & { extra?: Record<string, unknown> }): Record<string, unknown> {
  const envelope = loadSlackFixture<{ event: Record<string, unknown> } & Record<string, unknown>>('event-message-im.json');
  Object.assign(envelope.event, { text: f.text, ts: f.ts, event_ts: f.ts, ...f.extra });
  if (f.user) envelope.event.user = f.user;
  envelope.event_id = f.eventId;
  return envelope;
}

/** Slash command fields from the fixture. */
export function commandFields(command: string, text: string, responseUrl: string, overrides: Record<string, string> = {}): Record<string, string> {
  // Slack gives every invocation its own trigger_id.
  const trigger_id = `${6102030405 + ++triggers}.1700000000.${randomBytes(16).toString('hex')}`;
  return { ...loadSlackFixture<Record<string, string>>('command-ask.json'), command, text, response_url: responseUrl, trigger_id, ...overrides };
}

let triggers = 0;

/** A block_actions payload from a fixture with the given action, value and response_url. */
export function blockActionPayload(
  fixture: 'block-actions-thread-message.json' | 'block-actions-ephemeral.json',
  actionId: string,
  value: string,
  responseUrl: string,
): Record<string, unknown> {
  const payload = loadSlackFixture<{ actions: Record<string, unknown>[] } & Record<string, unknown>>(fixture);
  const action = payload.actions[0]!;
  action.action_id = actionId;
  action.value = value;
  payload.response_url = responseUrl;
  return payload;
}
