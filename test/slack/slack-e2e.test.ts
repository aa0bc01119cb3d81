import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config.ts';
import { readFeedback } from '../../src/app/feedback.ts';
import { createLogger, silentLog, type LogLevel } from '../../src/log.ts';
import { Newsdesk, type AskOptions, type AskResult } from '../../src/app/newsdesk.ts';
import { openCorpus } from '../../src/index/open-corpus.ts';
import { HELP_INTRO, NO_MORE_SOURCES_MESSAGE, REQUEST_FAILED_MESSAGE, STALE_BUTTON_MESSAGE, rateLimitedMessage } from '../../src/wording/messages.ts';
import type { CorpusIndex } from '../../src/index/corpus-index.ts';
import { ACTION_IDS, decodeAnswerRef, encodeAnswerRef } from '../../adapters/slack/action-values.ts';
import { startSlackApp, type RunningSlackApp } from '../../adapters/slack/app.ts';
import type { SlackDesk } from '../../adapters/slack/desk-port.ts';
import { renderDigestForSlack } from '../../adapters/slack/render-digest.ts';
import { FAKE_WORKSPACE, FakeSlack, type ApiCall } from './fake-slack.ts';
import {
  SlackRequester,
  TEST_SIGNING_SECRET,
  blockActionPayload,
  commandFields,
  directMessageEnvelope,
  loadSlackFixture,
  mentionEnvelope,
  slackSignature,
  threadReplyEnvelope,
} from './slack-requests.ts';

/**
 * End to end: the real Bolt App (HTTP mode and Socket Mode) against the fake Slack on loopback.
 * Requests are signed like Slack's; replies are asserted as the fake Web API and response_url
 * received them.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const CORPUS = path.join(ROOT, 'corpus');
const CHANNEL = 'C0NEWSROOM';
const ASKER = 'U0ASKER001';

/** Silent unless SLACK_TEST_LOG names a level (e.g. `SLACK_TEST_LOG=debug npx vitest run test/slack`). */
const log = process.env.SLACK_TEST_LOG ? createLogger(process.env.SLACK_TEST_LOG as LogLevel, false) : silentLog;

let index: CorpusIndex;
let fake: FakeSlack;
const dataDirs: string[] = [];

beforeAll(async () => {
  index = openCorpus(CORPUS).index;
  fake = await FakeSlack.start();
});

afterAll(async () => {
  await fake.close();
  for (const d of dataDirs) fs.rmSync(d, { recursive: true, force: true });
});

/** A Newsdesk over the repository corpus with its own data folder. */
function newDesk(rateLimitPerMinute = 1000): { desk: Newsdesk; dataDir: string } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-slack-'));
  dataDirs.push(dataDir);
  return { desk: new Newsdesk(index, { dataDir, rateLimitPerMinute, log: silentLog }), dataDir };
}

function slackConfig(dataDir: string, extra: Record<string, string> = {}): Config {
  return loadConfig({
    CORPUS_DIR: CORPUS,
    DATA_DIR: dataDir,
    SLACK_BOT_TOKEN: FAKE_WORKSPACE.botToken,
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    ...extra,
  });
}

/** A desk that records the conversation of every question, delegating to a real Newsdesk. */
class RecordingDesk implements SlackDesk {
  readonly asked: { question: unknown; conversationId: string | undefined }[] = [];
  constructor(readonly inner: Newsdesk) {}
  ask(raw: unknown, options: AskOptions = {}): AskResult | Promise<AskResult> {
    this.asked.push({ question: raw, conversationId: options.conversationId });
    return this.inner.ask(raw, options);
  }
  more(answerId: string, shown: number) {
    return this.inner.more(answerId, shown);
  }
  answer(answerId: string) {
    return this.inner.answer(answerId);
  }
  listSources() {
    return this.inner.listSources();
  }
  lookupSource(q: string) {
    return this.inner.lookupSource(q);
  }
  checkRateLimit(k: string) {
    return this.inner.checkRateLimit(k);
  }
  recordFeedback(f: { question: string; helpful: boolean; user: string; conversation?: string }) {
    return this.inner.recordFeedback(f);
  }
  digest(options?: { platform?: string; channel?: string }) {
    return this.inner.digest(options);
  }
  subscribe(platform: string, channel: string, time?: string | null, timezone?: string | null) {
    return this.inner.subscribe(platform, channel, time, timezone);
  }
  unsubscribe(platform: string, channel: string) {
    return this.inner.unsubscribe(platform, channel);
  }
  firstDelivery(key: string) {
    return this.inner.firstDelivery(key);
  }
  subscriptionStatus(platform: string, channel: string) {
    return this.inner.subscriptionStatus(platform, channel);
  }
  stories() {
    return this.inner.stories();
  }
  followStory(key: string, query: string, scope?: 'conversation' | 'channel') {
    return this.inner.followStory(key, query, scope);
  }
  followedStory(key: string, scope?: 'conversation' | 'channel') {
    return this.inner.followedStory(key, scope);
  }
}

/** All mrkdwn texts of a message payload: `text` and every block's texts. */
function textsOf(params: Record<string, unknown>): string[] {
  const out: string[] = [];
  if (typeof params.text === 'string') out.push(params.text);
  for (const b of (params.blocks as Record<string, unknown>[] | undefined) ?? []) {
    const text = b.text as { text?: string } | undefined;
    if (text?.text) out.push(text.text);
    for (const e of (b.elements as { text?: unknown }[] | undefined) ?? []) if (typeof e.text === 'string') out.push(e.text);
  }
  return out;
}

/** The quotes in a rendered answer, unescaped: the `>` lines of each citation section. */
function quotesOf(params: Record<string, unknown>): string[] {
  return ((params.blocks as { type: string; text?: { text: string } }[]) ?? [])
    .filter((b) => b.type === 'section' && b.text && /^\*\[\d+\]/.test(b.text.text))
    .map((b) =>
      b
        .text!.text.split('\n')
        .filter((l) => l.startsWith('>'))
        .map((l) => l.slice(1))
        .join('\n')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&'),
    );
}

/** Button values of a message, by action_id. */
function buttonsOf(params: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const b of (params.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]) ?? []) {
    if (b.type === 'actions') for (const e of b.elements ?? []) out[e.action_id] = e.value;
  }
  return out;
}

/** Every `<` in mrkdwn that Slack would read as markup must be a link newsdesk wrote. */
function controlSequences(texts: string[]): string[] {
  return texts.flatMap((t) => [...t.matchAll(/<[^>]*>/g)].map((m) => m[0])).filter((seq) => !/^<https?:\/\/[^|>]+\|[^>]*>$/.test(seq));
}

let tsSeq = 0;
/** A fresh Slack ts and event id. */
function nextIds(): { ts: string; eventId: string } {
  tsSeq++;
  return { ts: `17000${String(10000 + tsSeq)}.000${String(100 + tsSeq)}`, eventId: `Ev0TEST${String(tsSeq).padStart(6, '0')}` };
}

function postsAfter(n: number, method = 'chat.postMessage'): ApiCall[] {
  return fake.callsTo(method).slice(n);
}

describe('Slack adapter (HTTP mode) › end to end against the fake Slack', () => {
  let slack: RunningSlackApp;
  let req: SlackRequester;
  let desk: RecordingDesk;
  let dataDir: string;

  beforeAll(async () => {
    const made = newDesk();
    dataDir = made.dataDir;
    desk = new RecordingDesk(made.desk);
    slack = await startSlackApp({ config: slackConfig(dataDir), desk, log, port: 0 });
    req = new SlackRequester(`http://127.0.0.1:${slack.port}/slack/events`);
  });

  afterAll(async () => {
    await slack.stop();
  });

  it('verifies the token with auth.test at start', () => {
    const auth = fake.callsTo('auth.test');
    expect(auth.length).toBeGreaterThanOrEqual(1);
    expect(auth[0]!.token).toBe(FAKE_WORKSPACE.botToken);
    expect(auth[0]!.response.user_id).toBe(FAKE_WORKSPACE.botUserId);
  });

  it('answers the url_verification challenge', async () => {
    const body = loadSlackFixture('url-verification.json');
    const reply = await req.event(body);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' });
  });

  it('answers a mention in its thread with verbatim quotes from the corpus', async () => {
    const { ts, eventId } = nextIds();
    const before = fake.callsTo('chat.postMessage').length;
    const reply = await req.event(mentionEnvelope({ text: `<@${FAKE_WORKSPACE.botUserId}> who requested the call?`, ts, eventId }));
    expect(reply.status).toBe(200);
    expect(reply.body).toBe('');
    const post = await fake.waitForCall('chat.postMessage', (c) => c.params.thread_ts === ts);
    expect(postsAfter(before)).toHaveLength(1);
    expect(post.token).toBe(FAKE_WORKSPACE.botToken);
    expect(post.contentType).toBe('application/x-www-form-urlencoded');
    expect(post.params.channel).toBe(CHANNEL);
    expect(post.params.thread_ts).toBe(ts);
    expect(post.params.unfurl_links).toBe('false');
    expect(post.params.link_names).toBeUndefined();
    expect(desk.asked.at(-1)).toEqual({ question: 'who requested the call?', conversationId: `slack:${CHANNEL}:${ts}` });

    const expected = (await desk.inner.ask('who requested the call?')) as Extract<AskResult, { ok: true }>;
    const list = expected.answer.citations.length ? expected.answer.citations : (expected.answer.related ?? []);
    const quotes = quotesOf(post.params);
    expect(quotes).toEqual(list.map((c) => c.quote));
    expect(quotes.length).toBeGreaterThan(0);
    for (const c of list) {
      // Verbatim: every part of the quote (an elided quote marks its gaps with …) is in the article file.
      const raw = fs.readFileSync(path.join(CORPUS, c.source), 'utf8').replace(/\s+/g, ' ');
      for (const part of c.quote
        .split('…')
        .map((p) => p.replace(/\s+/g, ' ').trim())
        .filter(Boolean))
        expect(raw).toContain(part);
    }
    expect(controlSequences(textsOf(post.params))).toEqual([]);
    // "More sources" only when the core keeps more than the answer shows.
    expect(Object.keys(buttonsOf(post.params))).toEqual([
      ...(expected.moreAvailable ? [ACTION_IDS.moreSources] : []),
      ACTION_IDS.helpful,
      ACTION_IDS.notHelpful,
    ]);
    const ref = decodeAnswerRef(buttonsOf(post.params)[ACTION_IDS.helpful]);
    expect(ref).toEqual({
      question: 'who requested the call?',
      conversationId: `slack:${CHANNEL}:${ts}`,
      shown: list.length,
      answerId: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
    // The button names the answer the core kept, as it was given.
    expect(desk.inner.answer(ref!.answerId!)?.answer.citations.map((c) => c.quote)).toEqual(list.map((c) => c.quote));
  });

  it('keeps the thread as the conversation: a plain reply in the bot’s thread is a follow-up', async () => {
    const root = nextIds();
    await req.event(mentionEnvelope({ text: `<@${FAKE_WORKSPACE.botUserId}> who requested the call?`, ...root }));
    await fake.waitForCall('chat.postMessage', (c) => c.params.thread_ts === root.ts);
    const reply = nextIds();
    await req.event(threadReplyEnvelope({ text: 'how long was it?', ts: reply.ts, eventId: reply.eventId, threadTs: root.ts }));
    const inThread = (c: ApiCall) => c.params.thread_ts === root.ts;
    const post = await fake.waitForCall('chat.postMessage', (c) => inThread(c) && fake.callsTo('chat.postMessage').filter(inThread).indexOf(c) === 1);
    expect(post.params.channel).toBe(CHANNEL);
    const asked = desk.asked.filter((a) => a.conversationId === `slack:${CHANNEL}:${root.ts}`).map((a) => a.question);
    expect(asked).toEqual(['who requested the call?', 'how long was it?']);
    expect(fake.callsTo('chat.postMessage').filter((c) => c.params.thread_ts === root.ts)).toHaveLength(2);
  });

  it('ignores channel replies in threads the bot never answered in', async () => {
    const root = nextIds();
    const reply = nextIds();
    const before = fake.calls.length;
    const asked = desk.asked.length;
    const res = await req.event(threadReplyEnvelope({ text: 'how long was it?', ts: reply.ts, eventId: reply.eventId, threadTs: root.ts }));
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 150));
    expect(fake.calls.length).toBe(before);
    expect(desk.asked.length).toBe(asked);
  });

  it('answers a direct message in the DM, not in a thread', async () => {
    const { ts, eventId } = nextIds();
    await req.event(directMessageEnvelope({ text: 'how long was the call?', ts, eventId }));
    const post = await fake.waitForCall(
      'chat.postMessage',
      (c) => c.params.channel === 'D0ASKER001' && desk.asked.at(-1)?.question === 'how long was the call?',
    );
    expect(post.params.thread_ts).toBeUndefined();
    expect(desk.asked.at(-1)).toEqual({ question: 'how long was the call?', conversationId: 'slack:D0ASKER001' });
  });

  it('ignores its own messages, other bots and message subtypes in DMs', async () => {
    const before = fake.calls.length;
    const asked = desk.asked.length;
    const own = nextIds();
    await req.event(directMessageEnvelope({ text: 'an answer', ...own, user: FAKE_WORKSPACE.botUserId }));
    const bot = nextIds();
    await req.event(directMessageEnvelope({ text: 'beep', ...bot, extra: { bot_id: 'B0OTHER', subtype: 'bot_message' } }));
    const edit = nextIds();
    await req.event(directMessageEnvelope({ text: 'edited', ...edit, extra: { subtype: 'message_changed' } }));
    await new Promise((r) => setTimeout(r, 150));
    expect(fake.calls.length).toBe(before);
    expect(desk.asked.length).toBe(asked);
  });

  it('answers a retried delivery (same event_id, X-Slack-Retry-Num) exactly once', async () => {
    const { ts, eventId } = nextIds();
    const envelope = mentionEnvelope({ text: `<@${FAKE_WORKSPACE.botUserId}> where will the talks be held?`, ts, eventId });
    const first = await req.event(envelope);
    const retry1 = await req.event(envelope, { retryNum: 1 });
    const retry2 = await req.event(envelope, { retryNum: 2 });
    expect([first.status, retry1.status, retry2.status]).toEqual([200, 200, 200]);
    await fake.waitForCall('chat.postMessage', (c) => c.params.thread_ts === ts);
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.callsTo('chat.postMessage').filter((c) => c.params.thread_ts === ts)).toHaveLength(1);
    expect(desk.asked.filter((a) => a.conversationId === `slack:${CHANNEL}:${ts}`)).toHaveLength(1);
  });

  it('rejects a bad signature with 401 and posts nothing', async () => {
    const { ts, eventId } = nextIds();
    const before = fake.calls.length;
    const body = JSON.stringify(mentionEnvelope({ text: `<@${FAKE_WORKSPACE.botUserId}> who requested the call?`, ts, eventId }));
    const forged = await req.post(body, 'application/json', { secret: 'a'.repeat(32) });
    const garbage = await req.post(body, 'application/json', { signature: 'v0=deadbeef' });
    expect(forged.status).toBe(401);
    expect(garbage.status).toBe(401);
    await new Promise((r) => setTimeout(r, 150));
    expect(fake.calls.length).toBe(before);
  });

  it('rejects a request signed more than five minutes ago (replay)', async () => {
    const { ts, eventId } = nextIds();
    const before = fake.calls.length;
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    const body = JSON.stringify(mentionEnvelope({ text: `<@${FAKE_WORKSPACE.botUserId}> who requested the call?`, ts, eventId }));
    const reply = await req.post(body, 'application/json', { timestamp: stale, signature: slackSignature(TEST_SIGNING_SECRET, stale, body) });
    expect(reply.status).toBe(401);
    await new Promise((r) => setTimeout(r, 150));
    expect(fake.calls.length).toBe(before);
  });

  it('keeps <!everyone>, <!channel>, <@U…> inert and survives a 10,000-character question', async () => {
    const hostile = `<!everyone> <!channel> <@U0SOMEONE1> <#C0OTHER01|general> ${'x'.repeat(10_000)} who requested the call?`;
    const long = nextIds();
    await req.event(mentionEnvelope({ text: `<@${FAKE_WORKSPACE.botUserId}> ${hostile}`, ...long }));
    const refused = await fake.waitForCall('chat.postMessage', (c) => c.params.thread_ts === long.ts);
    expect(refused.params.text).toBe('That question is too long: please keep it under 500 characters.');
    expect(controlSequences(textsOf(refused.params))).toEqual([]);

    // A short hostile question is answered, and echoed (slash reply) only as inert text.
    const url = fake.responseUrl();
    const ack = await req.command(commandFields('/ask', '<!everyone> <!here> <@U0SOMEONE1> & <https://evil.example|click> who requested the call?', url));
    expect(ack.status).toBe(200);
    const respond = await fake.waitForResponse((r) => r.id === url.split('/').pop());
    const texts = textsOf(respond.body);
    expect(controlSequences(texts)).toEqual([]);
    expect(texts[1]).toBe('*Question:* @everyone @here @U0SOMEONE1 &amp; click who requested the call?');
    expect(respond.body.link_names).toBeUndefined();

    // Still alive.
    const after = nextIds();
    await req.event(mentionEnvelope({ text: `<@${FAKE_WORKSPACE.botUserId}> who requested the call?`, ...after }));
    await fake.waitForCall('chat.postMessage', (c) => c.params.thread_ts === after.ts);
  });

  it('waits out a 429 from the Web API (Retry-After) and still delivers the answer', async () => {
    const { ts, eventId } = nextIds();
    fake.rateLimitNext('chat.postMessage', 1);
    await req.event(mentionEnvelope({ text: `<@${FAKE_WORKSPACE.botUserId}> who requested the call?`, ts, eventId }));
    const delivered = await fake.waitForCall('chat.postMessage', (c) => c.params.thread_ts === ts, 15_000);
    const attempts = fake.callsTo('chat.postMessage').filter((c) => c.params.thread_ts === ts);
    expect(attempts.map((c) => c.status)).toEqual([429, 200]);
    expect(delivered.at - attempts[0]!.at).toBeGreaterThanOrEqual(1000);
  }, 20_000);

  describe('slash commands', () => {
    async function run(command: string, text: string): Promise<{ ack: { status: number; body: string; ms: number }; body: Record<string, unknown> }> {
      const url = fake.responseUrl();
      const ack = await req.command(commandFields(command, text, url));
      const response = await fake.waitForResponse((r) => r.id === url.split('/').pop());
      return { ack, body: response.body };
    }

    it('/ask acknowledges in the request, then answers privately with a Share button', async () => {
      const { ack, body } = await run('/ask', 'who requested the call?');
      expect(ack).toMatchObject({ status: 200, body: '' });
      expect(body.response_type).toBe('ephemeral');
      expect((body.blocks as unknown[])[0]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: '*Question:* who requested the call?' }] });
      const expected = desk.inner.ask('who requested the call?');
      expect(Object.keys(buttonsOf(body))).toEqual([
        ...(expected.ok && expected.moreAvailable ? [ACTION_IDS.moreSources] : []),
        ACTION_IDS.helpful,
        ACTION_IDS.notHelpful,
        ACTION_IDS.share,
      ]);
      expect(decodeAnswerRef(buttonsOf(body)[ACTION_IDS.share])?.conversationId).toBe(`slack:${CHANNEL}:${ASKER}:ask`);
      expect(quotesOf(body).length).toBeGreaterThan(0);
    });

    it('retries a response_url reply that meets a 500 and a dropped connection, and delivers it once', async () => {
      const failedBefore = fake.failedResponses;
      fake.failResponses(1, 500);
      fake.failResponses(1, 0);
      const { body } = await run('/ask', 'who requested the call?');
      expect(fake.failedResponses - failedBefore).toBe(2);
      expect(body.response_type).toBe('ephemeral');
      expect(quotesOf(body).length).toBeGreaterThan(0);
    }, 20_000);

    it('answers a slash command delivered twice (same trigger_id) once', async () => {
      const url = fake.responseUrl();
      const fields = commandFields('/sources', '', url);
      const first = await req.command(fields);
      const second = await req.command(fields);
      expect([first.status, second.status]).toEqual([200, 200]);
      await fake.waitForResponse((r) => r.id === url.split('/').pop());
      await new Promise((r) => setTimeout(r, 300));
      expect(fake.responses.filter((r) => r.id === url.split('/').pop())).toHaveLength(1);
    });

    it('/ask with nothing to ask says how to ask', async () => {
      const { body } = await run('/ask', '   ');
      expect(body.text).toBe('Ask me a question about the coverage, for example "who requested the call?"');
    });

    it('/sources lists every source with its id', async () => {
      const { ack, body } = await run('/sources', '');
      expect(ack.status).toBe(200);
      expect(body.response_type).toBe('ephemeral');
      expect((body.blocks as { text: { text: string } }[])[0]!.text.text).toBe('5 sources:');
      const all = textsOf(body).join('\n');
      for (const s of desk.inner.listSources().sources) expect(all).toContain(`\`${s.id}\``);
    });

    it('/source WEKU shows that article with its lead', async () => {
      const { body } = await run('/source', 'WEKU');
      const blocks = body.blocks as { type: string; text?: { text: string }; elements?: { text: string }[] }[];
      expect(blocks[0]!.text!.text).toBe('*Biden again calls on Putin to de-escalate tensions along Ukraine border*');
      expect(blocks[1]!.elements!.map((e) => e.text)).toEqual(['WEKU · By Franco Ordoñez · 2021-12-31', 'id: `004_0ab6f7e65bf4a959.txt` · 25 passages']);
      expect(blocks[2]!.text!.text.startsWith('*Lead*\n>')).toBe(true);
    });

    it('/stories lists the stories; /story makes the channel follow one', async () => {
      const { body } = await run('/stories', '');
      const blocks = body.blocks as { text: { text: string } }[];
      expect(blocks[0]!.text.text).toBe('1 story:');
      expect(blocks[1]!.text.text.split('\n')).toEqual([
        '*1.* Biden and Putin warn of breach if no resolution reached on Ukraine tension',
        expect.stringMatching(/^5 articles · 2 outlets · last update \d{4}-\d{2}-\d{2} · id st-88718dcb$/),
        'Biden, Ukraine, Russia, Putin, Russian, call',
        '`/story st-88718dcb`',
      ]);
      expect((await run('/story', '')).body.text).toBe('No story followed here. Type /story followed by words of its headline (or its number in /stories).');
      const follow = (await run('/story', 'biden putin ukraine')).body.text;
      expect(follow).toBe(
        'Following the story "Biden and Putin warn of breach if no resolution reached on Ukraine tension": questions here are answered from its coverage.',
      );
      expect((await run('/story', '')).body.text).toBe(follow);
      expect((await run('/story', 'zzqx')).body.text).toBe('No story matches "zzqx". Try /stories for the list.');
    });

    it('/source with an unknown name says so', async () => {
      const { body } = await run('/source', 'zzqx nothing like this');
      expect(body.text).toBe('No source matches “zzqx nothing like this”.');
    });

    it('/digest shows today’s briefing privately as blocks, with “Share in channel” posting it for everyone', async () => {
      const { body } = await run('/digest', '');
      const briefing = renderDigestForSlack(desk.inner.digest(), { shareButton: true });
      expect(body.response_type).toBe('ephemeral');
      expect({ text: body.text, blocks: body.blocks }).toEqual(briefing);

      const url = fake.responseUrl();
      await req.interaction(blockActionPayload('block-actions-ephemeral.json', ACTION_IDS.shareDigest, 'digest', url));
      const shared = await fake.waitForResponse((r) => r.id === url.split('/').pop() && r.body.response_type === 'in_channel');
      expect({ text: shared.body.text, blocks: shared.body.blocks }).toEqual(renderDigestForSlack(desk.inner.digest()));
      await fake.waitForResponse((r) => r.id === url.split('/').pop() && r.body.delete_original === true);
    });

    it('/newsdesk help explains the bot and lists the commands', async () => {
      const { body } = await run('/newsdesk', 'help');
      expect(body.text).toBe(HELP_INTRO);
      expect((body.blocks as { text: { text: string } }[])[1]!.text.text.split('\n')[0]).toBe(
        '`/ask &lt;question&gt;` Ask a question; the answer is private until you share it.',
      );
    });
  });

  describe('buttons', () => {
    it('More sources posts the next citations in the answer’s thread', async () => {
      const url = fake.responseUrl();
      // The answer the buttons belong to, kept by the core: "More sources" reads it, nothing is asked again.
      const asked = desk.inner.ask('who requested the call?', { conversationId: `slack:${CHANNEL}:1700000000.000100` });
      if (!asked.ok) throw new Error(asked.message);
      const value = encodeAnswerRef({
        question: 'who requested the call?',
        conversationId: `slack:${CHANNEL}:1700000000.000100`,
        shown: 3,
        answerId: asked.answerId,
      });
      const before = fake.callsTo('chat.postMessage').length;
      const ack = await req.interaction(blockActionPayload('block-actions-thread-message.json', ACTION_IDS.moreSources, value, url));
      expect(ack).toMatchObject({ status: 200, body: '' });
      const post = await fake.waitForCall(
        'chat.postMessage',
        (c) => c.params.thread_ts === '1700000000.000100' && fake.callsTo('chat.postMessage').indexOf(c) >= before,
      );
      const more = (desk.inner.more(asked.answerId, 3) ?? []).slice(0, 5);
      expect(more.length).toBeGreaterThan(0);
      expect((post.params.blocks as { text?: { text: string } }[])[0]!.text!.text).toBe('More sources for “who requested the call?”:');
      expect(quotesOf(post.params)).toEqual(more.map((c) => c.quote));
    });

    it('a story button of "which story?" makes the channel follow that story, said privately', async () => {
      const url = fake.responseUrl();
      const story = desk.inner.stories()[0]!;
      await req.interaction(blockActionPayload('block-actions-ephemeral.json', `${ACTION_IDS.followStory}_1`, story.id, url));
      const response = await fake.waitForResponse((r) => r.id === url.split('/').pop());
      expect(response.body).toMatchObject({
        response_type: 'ephemeral',
        text: `Following the story "${story.title}": questions here are answered from its coverage.`,
      });
      const stale = fake.responseUrl();
      await req.interaction(blockActionPayload('block-actions-ephemeral.json', `${ACTION_IDS.followStory}_2`, 'st-00000000', stale));
      expect((await fake.waitForResponse((r) => r.id === stale.split('/').pop())).body).toMatchObject({ text: STALE_BUTTON_MESSAGE });
    });

    it('More sources says so privately when there are no more', async () => {
      const url = fake.responseUrl();
      const asked = desk.inner.ask('who requested the call?');
      if (!asked.ok) throw new Error(asked.message);
      const value = encodeAnswerRef({ question: 'who requested the call?', conversationId: null, shown: 1000, answerId: asked.answerId });
      await req.interaction(blockActionPayload('block-actions-ephemeral.json', ACTION_IDS.moreSources, value, url));
      const response = await fake.waitForResponse((r) => r.id === url.split('/').pop());
      expect(response.body).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: NO_MORE_SOURCES_MESSAGE });
    });

    it('Helpful and Not helpful record feedback through the core and thank the user privately', async () => {
      const value = encodeAnswerRef({ question: 'who requested the call?', conversationId: `slack:${CHANNEL}:1700000000.000100`, shown: 3 });
      const before = fake.callsTo('chat.postEphemeral').length;
      await req.interaction(blockActionPayload('block-actions-thread-message.json', ACTION_IDS.helpful, value, fake.responseUrl()));
      await req.interaction(blockActionPayload('block-actions-thread-message.json', ACTION_IDS.notHelpful, value, fake.responseUrl()));
      await fake.waitForCall('chat.postEphemeral', (c) => c.params.text === 'Thanks: noted that this answer did not help.');
      const thanks = postsAfter(before, 'chat.postEphemeral');
      expect(thanks.map((c) => [c.params.channel, c.params.user, c.params.thread_ts, c.params.text])).toEqual([
        [CHANNEL, ASKER, '1700000000.000100', 'Thanks: glad it helped.'],
        [CHANNEL, ASKER, '1700000000.000100', 'Thanks: noted that this answer did not help.'],
      ]);
      const records = readFeedback(dataDir).map(({ at: _at, ...rest }) => rest);
      expect(records).toEqual([
        { question: 'who requested the call?', helpful: true, user: `slack:${ASKER}`, conversation: `slack:${CHANNEL}:1700000000.000100` },
        { question: 'who requested the call?', helpful: false, user: `slack:${ASKER}`, conversation: `slack:${CHANNEL}:1700000000.000100` },
      ]);
    });

    it('Share in channel posts the private answer for everyone and removes the private copy', async () => {
      const url = fake.responseUrl();
      const asked = desk.inner.ask('who requested the call?', { conversationId: `slack:${CHANNEL}:${ASKER}:ask` });
      if (!asked.ok) throw new Error(asked.message);
      const value = encodeAnswerRef({
        question: 'who requested the call?',
        conversationId: `slack:${CHANNEL}:${ASKER}:ask`,
        shown: 3,
        answerId: asked.answerId,
      });
      await req.interaction(blockActionPayload('block-actions-ephemeral.json', ACTION_IDS.share, value, url));
      const id = url.split('/').pop();
      const removed = await fake.waitForResponse((r) => r.id === id && r.body.delete_original === true);
      const shared = fake.responses.filter((r) => r.id === id);
      expect(shared.map((r) => r.body.response_type ?? 'delete')).toEqual(['in_channel', 'delete']);
      expect(removed.body).toEqual({ delete_original: true });
      const body = shared[0]!.body;
      expect((body.blocks as unknown[])[0]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: '*Question:* who requested the call?' }] });
      expect(Object.keys(buttonsOf(body))).toEqual([...(asked.moreAvailable ? [ACTION_IDS.moreSources] : []), ACTION_IDS.helpful, ACTION_IDS.notHelpful]);
    });

    it('a button whose value was tampered with gets a plain “expired” reply', async () => {
      const url = fake.responseUrl();
      await req.interaction(blockActionPayload('block-actions-ephemeral.json', ACTION_IDS.helpful, '{"q":', url));
      const response = await fake.waitForResponse((r) => r.id === url.split('/').pop());
      expect(response.body.text).toBe('That button has expired: please ask the question again.');
    });
  });
});

describe('Slack adapter › behaviour under load and failure', () => {
  const running: RunningSlackApp[] = [];
  afterEach(async () => {
    while (running.length) await running.pop()!.stop();
  });

  async function start(desk: SlackDesk, dataDir: string): Promise<SlackRequester> {
    const slack = await startSlackApp({ config: slackConfig(dataDir), desk, log, port: 0 });
    running.push(slack);
    return new SlackRequester(`http://127.0.0.1:${slack.port}/slack/events`);
  }

  it('acknowledges a slow /ask and a slow mention at once and answers when ready (> 3 s later)', async () => {
    const { desk, dataDir } = newDesk();
    const slow: SlackDesk = Object.assign(Object.create(desk) as Newsdesk, {
      async ask(raw: unknown, options?: AskOptions): Promise<AskResult> {
        await new Promise((r) => setTimeout(r, 3300));
        return desk.ask(raw, options);
      },
    });
    const req = await start(slow, dataDir);
    const url = fake.responseUrl();
    const mention = nextIds();
    const sent = Date.now();
    const [commandAck, eventAck] = await Promise.all([
      req.command(commandFields('/ask', 'who requested the call?', url)),
      req.event(mentionEnvelope({ text: `<@${FAKE_WORKSPACE.botUserId}> who requested the call?`, ...mention })),
    ]);
    expect([commandAck.status, eventAck.status]).toEqual([200, 200]);
    expect(commandAck.ms).toBeLessThan(1000);
    expect(eventAck.ms).toBeLessThan(1000);
    const [response, post] = await Promise.all([
      fake.waitForResponse((r) => r.id === url.split('/').pop(), 10_000),
      fake.waitForCall('chat.postMessage', (c) => c.params.thread_ts === mention.ts, 10_000),
    ]);
    expect(response.at - sent).toBeGreaterThanOrEqual(3300);
    expect(post.at - sent).toBeGreaterThanOrEqual(3300);
    expect(response.body.response_type).toBe('ephemeral');
    expect(quotesOf(response.body).length).toBeGreaterThan(0);
    expect(quotesOf(post.params).length).toBeGreaterThan(0);
  }, 15_000);

  it('replies politely (and privately) when a user asks faster than the rate limit', async () => {
    const { desk, dataDir } = newDesk(2);
    const req = await start(desk, dataDir);
    const root = nextIds();
    for (let i = 0; i < 3; i++) {
      const { ts, eventId } = nextIds();
      await req.event(mentionEnvelope({ text: `<@${FAKE_WORKSPACE.botUserId}> who requested the call?`, ts, eventId, threadTs: root.ts }));
    }
    const limited = await fake.waitForCall('chat.postEphemeral', (c) => c.params.thread_ts === root.ts);
    expect(limited.params.user).toBe(ASKER);
    expect(String(limited.params.text)).toMatch(/^You are asking faster than I can keep up: please wait about \d+ seconds, then ask again\.$/);
    expect(rateLimitedMessage(59_001)).toBe('You are asking faster than I can keep up: please wait about 60 seconds, then ask again.');
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.callsTo('chat.postMessage').filter((c) => c.params.thread_ts === root.ts)).toHaveLength(2);
  });

  it('answers plainly when the core throws, and keeps serving', async () => {
    const { desk, dataDir } = newDesk();
    let fail = true;
    const flaky: SlackDesk = Object.assign(Object.create(desk) as Newsdesk, {
      ask(raw: unknown, options?: AskOptions): AskResult {
        if (fail) {
          fail = false;
          throw new Error('index exploded');
        }
        return desk.ask(raw, options);
      },
    });
    const req = await start(flaky, dataDir);
    const first = nextIds();
    await req.event(mentionEnvelope({ text: `<@${FAKE_WORKSPACE.botUserId}> who requested the call?`, ...first }));
    const failed = await fake.waitForCall('chat.postMessage', (c) => c.params.thread_ts === first.ts);
    expect(failed.params.text).toBe(REQUEST_FAILED_MESSAGE);
    const second = nextIds();
    await req.event(mentionEnvelope({ text: `<@${FAKE_WORKSPACE.botUserId}> who requested the call?`, ...second }));
    const answered = await fake.waitForCall('chat.postMessage', (c) => c.params.thread_ts === second.ts);
    expect(quotesOf(answered.params).length).toBeGreaterThan(0);
  });

  it('stops cleanly: the port is closed afterwards', async () => {
    const { desk, dataDir } = newDesk();
    const slack = await startSlackApp({ config: slackConfig(dataDir), desk, log, port: 0 });
    await slack.stop();
    await expect(fetch(`http://127.0.0.1:${slack.port}/slack/events`, { method: 'POST', body: '{}' })).rejects.toThrow();
  });
});

describe('Slack adapter (Socket Mode) › end to end against the fake Slack', () => {
  let slack: RunningSlackApp;
  let desk: RecordingDesk;

  beforeAll(async () => {
    const made = newDesk();
    desk = new RecordingDesk(made.desk);
    slack = await startSlackApp({ config: slackConfig(made.dataDir, { SLACK_APP_TOKEN: FAKE_WORKSPACE.appToken }), desk, log });
  });

  afterAll(async () => {
    await slack.stop();
  });

  it('opens the connection with the app-level token and receives hello', async () => {
    expect(slack.port).toBe(0);
    const open = fake.callsTo('apps.connections.open');
    expect(open.at(-1)!.token).toBe(FAKE_WORKSPACE.appToken);
    expect(String(open.at(-1)!.response.url)).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/link\/\?ticket=/);
    expect(fake.socketCount).toBe(1);
  });

  it('acks an app_mention envelope and answers in the thread', async () => {
    const { ts, eventId } = nextIds();
    const ack = await fake.sendEnvelope('events_api', mentionEnvelope({ text: `<@${FAKE_WORKSPACE.botUserId}> who requested the call?`, ts, eventId }));
    expect(ack.payload ?? {}).toEqual({});
    const post = await fake.waitForCall('chat.postMessage', (c) => c.params.thread_ts === ts);
    expect(post.params.channel).toBe(CHANNEL);
    expect(quotesOf(post.params).length).toBeGreaterThan(0);
  });

  it('answers a redelivered envelope (retry_attempt 1) once', async () => {
    const { ts, eventId } = nextIds();
    const envelope = mentionEnvelope({ text: `<@${FAKE_WORKSPACE.botUserId}> who requested the call?`, ts, eventId });
    await fake.sendEnvelope('events_api', envelope);
    await fake.sendEnvelope('events_api', envelope, { attempt: 1, reason: 'timeout' });
    await fake.waitForCall('chat.postMessage', (c) => c.params.thread_ts === ts);
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.callsTo('chat.postMessage').filter((c) => c.params.thread_ts === ts)).toHaveLength(1);
  });

  it('acks a slash command envelope and answers through its response_url', async () => {
    const url = fake.responseUrl();
    const ack = await fake.sendEnvelope('slash_commands', commandFields('/digest', '', url));
    expect(ack.payload ?? {}).toEqual({});
    const response = await fake.waitForResponse((r) => r.id === url.split('/').pop());
    expect(response.body.text).toBe('Daily briefing: Biden again calls on Putin to de-escalate tensions along Ukraine border');
  });

  it('acks a button envelope and records the feedback', async () => {
    const value = encodeAnswerRef({ question: 'how long was the call?', conversationId: null, shown: 3 });
    const url = fake.responseUrl();
    await fake.sendEnvelope('interactive', blockActionPayload('block-actions-ephemeral.json', ACTION_IDS.helpful, value, url));
    const response = await fake.waitForResponse((r) => r.id === url.split('/').pop());
    expect(response.body.text).toBe('Thanks: glad it helped.');
  });
});
