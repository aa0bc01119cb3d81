import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordBot } from '../../adapters/discord/bot.ts';
import { DISCORD_COMMANDS, discordCommandUsages } from '../../adapters/discord/commands.ts';
import type { DiscordDesk } from '../../adapters/discord/context.ts';
import {
  renderAnswerForDiscord,
  renderChoicesForDiscord,
  renderHelpForDiscord,
  renderMoreCitationsForDiscord,
  renderSourceListForDiscord,
  renderStoryListForDiscord,
  renderSourceLookupForDiscord,
  withShareButton,
  type DiscordMessage,
} from '../../adapters/discord/render.ts';
import { renderDigestForDiscord } from '../../adapters/discord/render-digest.ts';
import { loadConfig } from '../../src/config.ts';
import { readFeedback } from '../../src/app/feedback.ts';
import { silentLog } from '../../src/log.ts';
import { REQUEST_FAILED_MESSAGE, STALE_BUTTON_MESSAGE, feedbackThanksMessage } from '../../src/wording/messages.ts';
import { Newsdesk } from '../../src/app/newsdesk.ts';
import type { Answer } from '../../src/types.ts';
import type { RecordedCall } from './fake-discord.ts';
import { CORPUS_DIR, corpusIndex, startHarness, type Harness } from './harness.ts';

/**
 * The real discord.js client, started by startDiscordBot, against the fake Discord on loopback.
 * Expected payloads come from the renderers (tested on their own against fixtures) applied to what a
 * second, independent Newsdesk answers for the same questions in the same conversations.
 */

const CITATIONS_SHOWN = 3;
const EPHEMERAL = 64;

/** Every ask the bot makes, with its conversation, and a question that makes the core fail. */
function recordingDesk(desk: Newsdesk, asks: { question: string; conversationId: string | undefined }[]): DiscordDesk {
  return {
    ask: (raw, options) => {
      asks.push({ question: String(raw), conversationId: options?.conversationId });
      if (String(raw).includes('explode')) throw new Error('the pipeline exploded');
      return desk.ask(raw, options);
    },
    more: (answerId, shown) => desk.more(answerId, shown),
    answer: (answerId) => desk.answer(answerId),
    listSources: () => desk.listSources(),
    lookupSource: (query) => desk.lookupSource(query),
    suggestSources: (partial) => desk.suggestSources(partial),
    checkRateLimit: (key) => desk.checkRateLimit(key),
    recordFeedback: (feedback) => desk.recordFeedback(feedback),
    digest: (options) => desk.digest(options),
    subscribe: (platform, channel, time, timezone) => desk.subscribe(platform, channel, time, timezone),
    unsubscribe: (platform, channel) => desk.unsubscribe(platform, channel),
    subscriptionStatus: (platform, channel) => desk.subscriptionStatus(platform, channel),
    stories: () => desk.stories(),
    followStory: (key, query, scope) => desk.followStory(key, query, scope),
    followedStory: (key, scope) => desk.followedStory(key, scope),
  };
}

/** A Newsdesk answering alongside the bot, to compute the payloads the bot should send. */
function referenceDesk(): Newsdesk {
  return new Newsdesk(corpusIndex(), { dataDir: null, rateLimitPerMinute: 1000, log: silentLog });
}

/** What the bot should send for `question` asked in `conversationId` (advancing the reference conversation). */
function expectedAnswer(
  reference: Newsdesk,
  question: string,
  conversationId: string,
  key: string,
  share: boolean,
): { answer: Answer; answerId: string; payload: DiscordMessage } {
  const result = reference.ask(question, { conversationId });
  if (!result.ok) throw new Error(result.message);
  const answer = result.answer;
  const listed = answer.citations.length || (answer.related?.length ?? 0);
  const moreAvailable = listed > CITATIONS_SHOWN || result.moreAvailable;
  return {
    answer,
    answerId: result.answerId,
    payload: renderAnswerForDiscord(answer, { shown: CITATIONS_SHOWN, controls: { key, moreAvailable, share, feedback: true } }),
  };
}

/** The key an answer's buttons carry (the id the core keeps the answer under), read from a sent payload. */
function answerKey(components: { components: { custom_id?: string }[] }[]): string {
  const id = components.flatMap((row) => row.components).find((b) => b.custom_id?.startsWith('newsdesk:helpful:'))?.custom_id;
  if (!id) throw new Error('no answer buttons in the payload');
  return id.slice('newsdesk:helpful:'.length);
}

/** The JSON Discord receives for a payload's embeds and components. */
function wire(payload: DiscordMessage): { embeds: unknown; components: unknown } {
  return JSON.parse(JSON.stringify({ embeds: payload.embeds, components: payload.components })) as { embeds: unknown; components: unknown };
}

/** `/digest` as the user runs it (today's briefing). */
const DIGEST_NOW = { name: 'digest', options: [{ name: 'now', type: 1, options: [] }] as unknown[] };

const isPost = (p: string | RegExp) => (c: RecordedCall) => c.method === 'POST' && (typeof p === 'string' ? c.path === p : p.test(c.path));

describe('Discord bot end to end (real discord.js client ↔ fake Discord on loopback)', () => {
  let h: Harness;
  const asks: { question: string; conversationId: string | undefined }[] = [];
  const reference = referenceDesk();
  let ada: ReturnType<Harness['fake']['addUser']>;
  let bo: ReturnType<Harness['fake']['addUser']>;
  let channel: string;
  let mention: string;
  /** The thread of the first answer, and the answer message in it. */
  let threadId = '';
  let answerMessageId = '';
  /** The key of the first answer's buttons in the thread. */
  let answerKeyInThread = '';

  beforeAll(async () => {
    h = await startHarness({ wrapDesk: (desk) => recordingDesk(desk, asks) });
    ada = h.fake.addUser('ada');
    bo = h.fake.addUser('bo');
    channel = h.fake.options.channelId;
    mention = `<@${h.fake.bot.id}>`;
  });

  afterAll(async () => {
    await h?.close();
  });

  it('connects through DISCORD_API_URL: gateway URL from GET /gateway/bot, IDENTIFY, READY, then guild commands', async () => {
    expect(h.fake.calls[0]).toMatchObject({ method: 'GET', path: '/gateway/bot', authorization: `Bot ${h.fake.options.token}`, status: 200 });
    const identify = h.fake.frames.find((f) => f.op === 2);
    // Guilds (1) | GuildMessages (512) | DirectMessages (4096); no MessageContent unless configured.
    expect(identify?.d).toMatchObject({ token: h.fake.options.token, intents: 4609, shard: [0, 1] });
    const put = h.fake.calls.find((c) => c.method === 'PUT');
    expect(put).toMatchObject({ path: `/applications/${h.fake.options.applicationId}/guilds/${h.fake.options.guildId}/commands`, status: 200 });
    expect(put?.body).toEqual(JSON.parse(JSON.stringify(DISCORD_COMMANDS)));
    expect(h.fake.connectedSessions).toBe(1);
  });

  it('answers heartbeats the gateway asks for', async () => {
    const since = h.fake.frames.length;
    h.fake.requestHeartbeat();
    const beat = await h.fake.waitForFrame(1, since);
    expect(typeof beat.d).toBe('number');
  });

  it('resumes on resume_gateway_url after Discord drops the gateway, and keeps answering', async () => {
    const frames = h.fake.frames.length;
    h.fake.dropGateway();
    const resume = await h.fake.waitForFrame(6, frames);
    expect(resume.d).toMatchObject({ token: h.fake.options.token, session_id: expect.any(String), seq: expect.any(Number) });
    expect(h.fake.gatewayPaths).toEqual(['/?v=10&encoding=json', '/resume?v=10&encoding=json']);
    for (let i = 0; i < 100 && h.fake.connectedSessions === 0; i++) await sleep(10);
    expect(h.fake.connectedSessions).toBe(1);
  });

  it('answers a mention in a new thread on the message, with cited verbatim quotes and nobody pinged', async () => {
    const mark = h.fake.mark();
    const asked = h.fake.userSays(ada, channel, `${mention} who requested the call?`);
    const posted = await h.fake.waitForCall(isPost(`/channels/${asked.id}/messages`), mark);
    threadId = asked.id;
    answerMessageId = [...h.fake.messages.values()].filter((m) => m.channel_id === threadId && m.author.id === h.fake.bot.id).at(-1)?.id ?? '';

    const thread = h.fake.calls.slice(mark).find(isPost(`/channels/${channel}/messages/${asked.id}/threads`));
    expect(thread?.body).toEqual({ name: 'who requested the call?', auto_archive_duration: 1440, type: 11 });
    expect(asks.at(-1)).toEqual({ question: 'who requested the call?', conversationId: `discord:thread:${asked.id}` });

    answerKeyInThread = answerKey(posted.body.components);
    const { answer, payload } = expectedAnswer(reference, 'who requested the call?', `discord:thread:${asked.id}`, answerKeyInThread, false);
    expect({ embeds: posted.body.embeds, components: posted.body.components }).toEqual(wire(payload));
    expect(posted.body.allowed_mentions).toEqual({ parse: [] });
    expect(posted.status).toBe(200);

    // Each quote shown is verbatim from its article file.
    const fields: { name: string; value: string }[] = posted.body.embeds[0].fields;
    expect(fields.length).toBe(Math.min(CITATIONS_SHOWN, answer.citations.length || (answer.related?.length ?? 0)));
    const cited = answer.citations.length ? answer.citations : (answer.related ?? []);
    for (const [i, field] of fields.entries()) {
      const citation = cited[i]!;
      expect(field.name.startsWith(`[${citation.n}] `)).toBe(true);
      const file = fs.readFileSync(path.join(CORPUS_DIR, citation.source), 'utf8').replace(/\s+/g, ' ');
      const quoteLine = field.value.split('\n').find((line) => line.startsWith('> '))!;
      const shown = quoteLine
        .slice(2)
        .replace(/\\([^\p{L}\p{N}\s])/gu, '$1')
        .replace(/…$/, '');
      // Verbatim: every piece of the quote as shown (between the core's "…" elisions) is in the article file.
      for (const piece of shown
        .split('…')
        .map((p) => p.trim())
        .filter(Boolean))
        expect(file).toContain(piece);
    }
    expect(h.fake.pings).toEqual([]);
  });

  it('answers a reply in its thread as a follow-up in the same conversation', async () => {
    const mark = h.fake.mark();
    const followUp = h.fake.userSays(ada, threadId, 'how long was it?', answerMessageId);
    const posted = await h.fake.waitForCall(isPost(`/channels/${threadId}/messages`), mark);
    expect(asks.at(-1)).toEqual({ question: 'how long was it?', conversationId: `discord:thread:${threadId}` });
    const { payload } = expectedAnswer(reference, 'how long was it?', `discord:thread:${threadId}`, answerKey(posted.body.components), false);
    expect({ embeds: posted.body.embeds, components: posted.body.components }).toEqual(wire(payload));
    // No new thread for a follow-up.
    expect(h.fake.calls.slice(mark).filter((c) => c.path.endsWith('/threads'))).toEqual([]);
  });

  it('leaves channel and thread chatter alone when Discord withholds its content (no MESSAGE_CONTENT intent)', async () => {
    const mark = h.fake.mark();
    h.fake.userSays(bo, threadId, 'and what about the talks?');
    h.fake.userSays(bo, channel, 'who requested the call? (not asking the bot)');
    // A DM sent after it is answered: by then the thread message has been handled, and ignored.
    const dm = h.fake.openDm(bo);
    h.fake.userSays(bo, dm, 'when are the Geneva talks?');
    await h.fake.waitForCall(isPost(`/channels/${dm}/messages`), mark);
    expect(h.fake.calls.slice(mark).filter((c) => c.path.includes(threadId) || c.path.includes(channel))).toEqual([]);
  });

  it('answers a direct message in the DM channel', async () => {
    const dm = h.fake.openDm(ada);
    const mark = h.fake.mark();
    const asked = h.fake.userSays(ada, dm, 'how many troops are at the border?');
    const posted = await h.fake.waitForCall(isPost(`/channels/${dm}/messages`), mark);
    expect(asks.at(-1)).toEqual({ question: 'how many troops are at the border?', conversationId: `discord:dm:${dm}` });
    const { payload } = expectedAnswer(reference, 'how many troops are at the border?', `discord:dm:${dm}`, answerKey(posted.body.components), false);
    expect({ embeds: posted.body.embeds, components: posted.body.components }).toEqual(wire(payload));
    expect(posted.body.allowed_mentions).toEqual({ parse: [] });
  });

  it('/ask replies privately with the cited answer and a "Share in channel" button, which posts it publicly', async () => {
    const mark = h.fake.mark();
    const interaction = h.fake.slashCommand(ada, channel, 'ask', [{ name: 'question', type: 3, value: 'who is Yuri Ushakov?' }]);
    const callback = await h.fake.waitForCall(isPost(`/interactions/${interaction.id}/${interaction.token}/callback`), mark);
    const conversationId = `discord:channel:${channel}:${ada.id}`;
    expect(asks.at(-1)).toEqual({ question: 'who is Yuri Ushakov?', conversationId });
    const key = answerKey(callback.body.data.components);
    const { answer, payload } = expectedAnswer(reference, 'who is Yuri Ushakov?', conversationId, key, true);
    expect(callback.status).toBe(204);
    expect(callback.body.type).toBe(4);
    expect(callback.body.data.flags).toBe(EPHEMERAL);
    expect({ embeds: callback.body.data.embeds, components: callback.body.data.components }).toEqual(wire(payload));
    expect(callback.body.data.allowed_mentions).toEqual({ parse: [] });

    const share = h.fake.clickButton(ada, interaction.originalId!, `newsdesk:share:${key}`);
    const shared = await h.fake.waitForCall(isPost(`/interactions/${share.id}/${share.token}/callback`), mark);
    const publicPayload = renderAnswerForDiscord(answer, {
      shown: CITATIONS_SHOWN,
      controls: {
        key,
        moreAvailable: payload.components[0]!.components.some((b) => 'custom_id' in b && b.custom_id.startsWith('newsdesk:more:')),
        share: false,
        feedback: true,
      },
    });
    expect(shared.body.type).toBe(4);
    expect(shared.body.data.flags ?? 0).toBe(0);
    expect({ embeds: shared.body.data.embeds, components: shared.body.data.components }).toEqual(wire(publicPayload));
    expect(shared.body.data.allowed_mentions).toEqual({ parse: [] });
  });

  it('answers a button whose reply it no longer holds with a plain "ask again"', async () => {
    const mark = h.fake.mark();
    const interaction = h.fake.slashCommand(ada, channel, 'ask', [{ name: 'question', type: 3, value: 'who requested the call?' }]);
    await h.fake.waitForCall(isPost(`/interactions/${interaction.id}/${interaction.token}/callback`), mark);
    // Discord hands back whatever custom_id the message carries; one the bot never stored (a restart) is refused politely.
    const message = h.fake.messages.get(interaction.originalId!)!;
    message.components = [{ type: 1, components: [{ type: 2, style: 2, label: 'More sources', custom_id: 'newsdesk:more:1099999999999999999:3' }] }];
    const click = h.fake.clickButton(ada, message.id, 'newsdesk:more:1099999999999999999:3');
    const callback = await h.fake.waitForCall(isPost(`/interactions/${click.id}/${click.token}/callback`), mark);
    expect(callback.body.data).toMatchObject({ content: STALE_BUTTON_MESSAGE, flags: EPHEMERAL, allowed_mentions: { parse: [] } });
  });

  it('answers a button of an answer the core keeps but this process never showed (as after a restart)', async () => {
    const mark = h.fake.mark();
    // Asked of the core directly: the bot's memory of its replies knows nothing of it, the core does.
    const kept = h.desk.ask('how many troops are at the border?', { conversationId: `discord:channel:${channel}:${bo.id}` });
    if (!kept.ok) throw new Error(kept.message);
    const interaction = h.fake.slashCommand(bo, channel, 'ask', [{ name: 'question', type: 3, value: 'who requested the call?' }]);
    await h.fake.waitForCall(isPost(`/interactions/${interaction.id}/${interaction.token}/callback`), mark);
    // Discord hands back whatever custom_id a message carries: here, a button of the kept answer.
    const message = h.fake.messages.get(interaction.originalId!)!;
    const customId = `newsdesk:more:${kept.answerId}:${CITATIONS_SHOWN}`;
    message.components = [{ type: 1, components: [{ type: 2, style: 2, label: 'More sources', custom_id: customId }] }];
    const more = h.fake.clickButton(bo, message.id, customId);
    const callback = await h.fake.waitForCall(isPost(`/interactions/${more.id}/${more.token}/callback`), mark);
    const rest = h.desk.more(kept.answerId, CITATIONS_SHOWN) ?? [];
    expect(rest.length).toBeGreaterThan(0);
    const payload = renderMoreCitationsForDiscord(kept.answer.question, rest.slice(0, 5), { key: kept.answerId, moreAvailable: rest.length > 5 });
    expect({ embeds: callback.body.data.embeds, components: callback.body.data.components }).toEqual(wire(payload));
  });

  it('"More sources" shows the next citations, numbered on, in the same privacy as the answer', async () => {
    const mark = h.fake.mark();
    const interaction = h.fake.slashCommand(bo, channel, 'ask', [{ name: 'question', type: 3, value: 'how many troops are at the border?' }]);
    const asked = await h.fake.waitForCall(isPost(`/interactions/${interaction.id}/${interaction.token}/callback`), mark);
    const key = answerKey(asked.body.data.components);
    const conversationId = `discord:channel:${channel}:${bo.id}`;
    const { answer, answerId } = expectedAnswer(reference, 'how many troops are at the border?', conversationId, key, true);
    const rest = reference.more(answerId, CITATIONS_SHOWN) ?? [];
    const next = rest.slice(0, 5);
    expect(next.length).toBeGreaterThan(0); // the coverage holds more than three citations for this question

    const more = h.fake.clickButton(bo, interaction.originalId!, `newsdesk:more:${key}:${CITATIONS_SHOWN}`);
    const callback = await h.fake.waitForCall(isPost(`/interactions/${more.id}/${more.token}/callback`), mark);
    const payload = renderMoreCitationsForDiscord(answer.question, next, { key, moreAvailable: rest.length > next.length });
    expect(callback.body.type).toBe(4);
    expect(callback.body.data.flags).toBe(EPHEMERAL);
    expect({ embeds: callback.body.data.embeds, components: callback.body.data.components }).toEqual(wire(payload));
    expect(callback.body.data.embeds[0].fields[0].name.startsWith(`[${CITATIONS_SHOWN + 1}] `)).toBe(true);
  });

  it('"Helpful" and "Not helpful" record feedback through the core and thank privately', async () => {
    const mark = h.fake.mark();
    const helpful = h.fake.clickButton(bo, answerMessageId, `newsdesk:helpful:${answerKeyInThread}`);
    const thanks = await h.fake.waitForCall(isPost(`/interactions/${helpful.id}/${helpful.token}/callback`), mark);
    expect(thanks.body).toEqual({
      type: 4,
      data: {
        content: feedbackThanksMessage(true, true),
        embeds: [],
        components: [],
        allowed_mentions: { parse: [] },
        flags: EPHEMERAL,
        tts: false,
        enforce_nonce: false,
      },
    });
    const unhelpful = h.fake.clickButton(ada, answerMessageId, `newsdesk:unhelpful:${answerKeyInThread}`);
    await h.fake.waitForCall(isPost(`/interactions/${unhelpful.id}/${unhelpful.token}/callback`), mark);
    expect(readFeedback(h.dataDir).map(({ at: _at, ...f }) => f)).toEqual([
      { question: 'who requested the call?', helpful: true, user: `discord:${bo.id}`, conversation: `discord:thread:${threadId}` },
      { question: 'who requested the call?', helpful: false, user: `discord:${ada.id}`, conversation: `discord:thread:${threadId}` },
    ]);
  });

  it('/sources lists the sources privately, shareable', async () => {
    const mark = h.fake.mark();
    const interaction = h.fake.slashCommand(ada, channel, 'sources');
    const callback = await h.fake.waitForCall(isPost(`/interactions/${interaction.id}/${interaction.token}/callback`), mark);
    const payload = withShareButton(renderSourceListForDiscord(reference.listSources()), interaction.id);
    expect(callback.body.data.flags).toBe(EPHEMERAL);
    expect({ embeds: callback.body.data.embeds, components: callback.body.data.components }).toEqual(wire(payload));
    expect(callback.body.data.embeds[0].title).toBe('5 sources:');

    const share = h.fake.clickButton(ada, interaction.originalId!, `newsdesk:share:${interaction.id}`);
    const shared = await h.fake.waitForCall(isPost(`/interactions/${share.id}/${share.token}/callback`), mark);
    expect(shared.body.data.flags ?? 0).toBe(0);
    expect({ embeds: shared.body.data.embeds, components: shared.body.data.components }).toEqual(wire(renderSourceListForDiscord(reference.listSources())));
  });

  it('/stories lists the stories privately; /story makes the channel follow one', async () => {
    const mark = h.fake.mark();
    const interaction = h.fake.slashCommand(ada, channel, 'stories');
    const callback = await h.fake.waitForCall(isPost(`/interactions/${interaction.id}/${interaction.token}/callback`), mark);
    expect(callback.body.data.flags).toBe(EPHEMERAL);
    expect({ embeds: callback.body.data.embeds, components: callback.body.data.components }).toEqual(
      wire(withShareButton(renderStoryListForDiscord(reference.stories()), interaction.id)),
    );
    expect(callback.body.data.embeds[0].title).toBe('1 story:');
    expect(callback.body.data.embeds[0].description.split('\n')[0]).toBe('**1. Biden and Putin warn of breach if no resolution reached on Ukraine tension**');

    const reply = async (options: { name: string; type: number; value: string }[]): Promise<string> => {
      const m = h.fake.mark();
      const i = h.fake.slashCommand(ada, channel, 'story', options);
      const c = await h.fake.waitForCall(isPost(`/interactions/${i.id}/${i.token}/callback`), m);
      expect(c.body.data.flags).toBe(EPHEMERAL);
      return c.body.data.content;
    };
    expect(await reply([])).toBe('No story followed here. Type /story followed by words of its headline (or its number in /stories).');
    const following = await reply([{ name: 'query', type: 3, value: 'biden putin ukraine' }]);
    expect(following).toBe(
      'Following the story "Biden and Putin warn of breach if no resolution reached on Ukraine tension": questions here are answered from its coverage.',
    );
    expect(await reply([])).toBe(following);
    expect(await reply([{ name: 'query', type: 3, value: 'zzqx' }])).toBe('No story matches "zzqx". Try /stories for the list.');
  });

  it('a story button of "which story?" makes the channel follow that story', async () => {
    const mark = h.fake.mark();
    const interaction = h.fake.slashCommand(ada, channel, 'sources');
    await h.fake.waitForCall(isPost(`/interactions/${interaction.id}/${interaction.token}/callback`), mark);
    const story = reference.stories()[0]!;
    const message = h.fake.messages.get(interaction.originalId!)!;
    message.components = [{ type: 1, components: [{ type: 2, style: 2, label: '1. A story', custom_id: `newsdesk:story:${story.id}` }] }];
    const click = h.fake.clickButton(ada, message.id, `newsdesk:story:${story.id}`);
    const callback = await h.fake.waitForCall(isPost(`/interactions/${click.id}/${click.token}/callback`), mark);
    expect(callback.body.data).toMatchObject({
      content: `Following the story "${story.title}": questions here are answered from its coverage.`,
      flags: EPHEMERAL,
    });
  });

  it('/source shows one source found by outlet', async () => {
    const mark = h.fake.mark();
    const interaction = h.fake.slashCommand(ada, channel, 'source', [{ name: 'query', type: 3, value: 'weku' }]);
    const callback = await h.fake.waitForCall(isPost(`/interactions/${interaction.id}/${interaction.token}/callback`), mark);
    const payload = withShareButton(renderSourceLookupForDiscord(reference.lookupSource('weku')), interaction.id);
    expect({ embeds: callback.body.data.embeds, components: callback.body.data.components }).toEqual(wire(payload));
    expect(callback.body.data.embeds[0].title).toBe('Biden again calls on Putin to de-escalate tensions along Ukraine border');
  });

  it('/source lists the candidates when the query fits several sources', async () => {
    const mark = h.fake.mark();
    const interaction = h.fake.slashCommand(ada, channel, 'source', [{ name: 'query', type: 3, value: 'biden putin' }]);
    const callback = await h.fake.waitForCall(isPost(`/interactions/${interaction.id}/${interaction.token}/callback`), mark);
    expect({ embeds: callback.body.data.embeds, components: callback.body.data.components }).toEqual(
      wire(renderSourceLookupForDiscord(reference.lookupSource('biden putin'))),
    );
  });

  it('autocompletes /source with outlets and titles', async () => {
    const mark = h.fake.mark();
    const interaction = h.fake.autocomplete(ada, channel, 'source', { name: 'query', value: 'we' });
    const callback = await h.fake.waitForCall(isPost(`/interactions/${interaction.id}/${interaction.token}/callback`), mark);
    expect(callback.body).toEqual({ type: 8, data: { choices: renderChoicesForDiscord(reference.suggestSources('we')) } });
    expect(callback.body.data.choices).toContainEqual({
      name: 'WEKU: Biden again calls on Putin to de-escalate tensions along Ukraine border',
      value: '004_0ab6f7e65bf4a959.txt',
    });
    expect(callback.status).toBe(204);
  });

  it('/digest shows today’s briefing privately as embeds, shareable in the channel', async () => {
    const mark = h.fake.mark();
    const interaction = h.fake.slashCommand(bo, channel, DIGEST_NOW.name, DIGEST_NOW.options);
    const callback = await h.fake.waitForCall(isPost(`/interactions/${interaction.id}/${interaction.token}/callback`), mark);
    const briefing = renderDigestForDiscord(reference.digest());
    expect(callback.body.data.flags).toBe(EPHEMERAL);
    expect(callback.body.data.allowed_mentions).toEqual({ parse: [] });
    expect({ embeds: callback.body.data.embeds, components: callback.body.data.components }).toEqual(wire(withShareButton(briefing, interaction.id)));
    expect(callback.body.data.embeds[0].title).toBe('Daily briefing');

    const share = h.fake.clickButton(bo, interaction.originalId!, `newsdesk:share:${interaction.id}`);
    const shared = await h.fake.waitForCall(isPost(`/interactions/${share.id}/${share.token}/callback`), mark);
    expect(shared.body.data.flags ?? 0).toBe(0);
    expect({ embeds: shared.body.data.embeds, components: shared.body.data.components }).toEqual(wire(briefing));
    expect(h.fake.pings).toEqual([]);
  });

  it('/newsdesk help lists the commands', async () => {
    const mark = h.fake.mark();
    const interaction = h.fake.slashCommand(bo, channel, 'newsdesk', [{ name: 'help', type: 1, options: [] }]);
    const callback = await h.fake.waitForCall(isPost(`/interactions/${interaction.id}/${interaction.token}/callback`), mark);
    expect(callback.body.data.flags).toBe(EPHEMERAL);
    expect({ embeds: callback.body.data.embeds, components: callback.body.data.components }).toEqual(wire(renderHelpForDiscord(discordCommandUsages())));
  });

  it('pings nobody and answers clearly when a question carries @everyone, a user mention and 10,000 characters', async () => {
    const mark = h.fake.mark();
    const flood = h.fake.userSays(ada, channel, `${mention} @everyone <@123456789012345678> ${'why '.repeat(2500)}`);
    const refused = await h.fake.waitForCall(isPost(`/channels/${channel}/messages`), mark);
    expect(refused.body.content).toBe('That question is too long: please keep it under 500 characters.');
    expect(refused.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(refused.body.message_reference).toMatchObject({ message_id: flood.id });

    const hostile = h.fake.userSays(ada, channel, `${mention} @everyone <@123456789012345678> who requested the call?`);
    const answered = await h.fake.waitForCall(isPost(`/channels/${hostile.id}/messages`), mark);
    expect(h.fake.calls.slice(mark).find(isPost(`/channels/${channel}/messages/${hostile.id}/threads`))?.body.name).toBe(
      '@everyone <@123456789012345678> who requested the call?',
    );
    expect(answered.body.allowed_mentions).toEqual({ parse: [] });
    expect(asks.at(-1)).toEqual({ question: '@everyone <@123456789012345678> who requested the call?', conversationId: `discord:thread:${hostile.id}` });
    const { payload } = expectedAnswer(
      reference,
      '@everyone <@123456789012345678> who requested the call?',
      `discord:thread:${hostile.id}`,
      answerKey(answered.body.components),
      false,
    );
    expect({ embeds: answered.body.embeds, components: answered.body.components }).toEqual(wire(payload));
    expect(h.fake.pings).toEqual([]);

    // Still alive and answering.
    const digest = h.fake.slashCommand(bo, channel, DIGEST_NOW.name, DIGEST_NOW.options);
    const callback = await h.fake.waitForCall(isPost(`/interactions/${digest.id}/${digest.token}/callback`), mark);
    expect(callback.body.data.embeds[0].title).toBe('Daily briefing');
  });

  it('survives a failing request: logs it under module "discord" and answers plainly', async () => {
    const mark = h.fake.mark();
    const asked = h.fake.userSays(bo, channel, `${mention} explode please`);
    const failed = await h.fake.waitForCall(isPost(`/channels/${channel}/messages`), mark);
    expect(failed.body.content).toBe(REQUEST_FAILED_MESSAGE);
    expect(failed.body.message_reference).toMatchObject({ message_id: asked.id });
    const logged = h.logs.find((l) => l.msg === 'could not answer a message' && l.message === asked.id);
    expect(logged).toMatchObject({ level: 50, module: 'discord', message: asked.id, err: { message: 'the pipeline exploded' } });

    const interaction = h.fake.slashCommand(bo, channel, 'ask', [{ name: 'question', type: 3, value: 'explode again' }]);
    const callback = await h.fake.waitForCall(isPost(`/interactions/${interaction.id}/${interaction.token}/callback`), mark);
    expect(callback.body.data).toMatchObject({ content: REQUEST_FAILED_MESSAGE, flags: EPHEMERAL, allowed_mentions: { parse: [] } });

    const dm = h.fake.openDm(bo);
    h.fake.userSays(bo, dm, 'who is Yuri Ushakov?');
    const answered = await h.fake.waitForCall(isPost(`/channels/${dm}/messages`), mark);
    expect(answered.body.embeds[0].author.name).toBe('Question: who is Yuri Ushakov?');
  });

  it('waits out a 429 from Discord and still delivers the answer', async () => {
    const dm = h.fake.openDm(ada);
    const route = new RegExp(`^/channels/${dm}/messages$`);
    h.fake.rateLimitNext('POST', route, 1);
    const mark = h.fake.mark();
    h.fake.userSays(ada, dm, 'when are the Geneva talks?');
    const delivered = await h.fake.waitForCall((c) => c.method === 'POST' && route.test(c.path) && c.status === 200, mark);
    const limited = h.fake.calls.slice(mark).find((c) => c.method === 'POST' && route.test(c.path) && c.status === 429);
    expect(limited).toBeDefined();
    expect(delivered.at - limited!.at).toBeGreaterThanOrEqual(1000);
    expect(delivered.body).toEqual(limited!.body);
    const warning = h.logs.find((l) => l.msg === 'rate limited by Discord; waiting it out');
    expect(warning).toMatchObject({ level: 40, module: 'discord', method: 'POST', global: false });
    expect(warning?.retryAfterMs).toBeGreaterThanOrEqual(1000);
  });
});

describe('Discord bot: per-user rate limit', () => {
  it('answers politely, privately, once a user asks faster than allowed', async () => {
    const h = await startHarness({ rateLimitPerMinute: 1 });
    try {
      const ada = h.fake.addUser('ada');
      const mark = h.fake.mark();
      const first = h.fake.slashCommand(ada, h.fake.options.channelId, 'ask', [{ name: 'question', type: 3, value: 'who requested the call?' }]);
      const answered = await h.fake.waitForCall(isPost(`/interactions/${first.id}/${first.token}/callback`), mark);
      expect(answered.body.data.embeds).toHaveLength(1);
      const second = h.fake.slashCommand(ada, h.fake.options.channelId, 'ask', [{ name: 'question', type: 3, value: 'how long was it?' }]);
      const refused = await h.fake.waitForCall(isPost(`/interactions/${second.id}/${second.token}/callback`), mark);
      expect(refused.body.data.flags).toBe(EPHEMERAL);
      expect(refused.body.data.content).toMatch(/^You are asking faster than I can keep up: please wait about (59|60) seconds, then ask again\.$/);
      expect(refused.body.data.allowed_mentions).toEqual({ parse: [] });
    } finally {
      await h.close();
    }
  });
});

describe('Discord bot: slow answers', () => {
  it('defers a slash command within 3 s, then edits the answer in; shows "typing…" for a slow mention', async () => {
    const reference = referenceDesk();
    const h = await startHarness({
      wrapDesk: (desk) => ({
        ...recordingDesk(desk, []),
        ask: async (raw, options) => {
          await sleep(3200);
          return desk.ask(raw, options);
        },
      }),
    });
    try {
      const ada = h.fake.addUser('ada');
      const channel = h.fake.options.channelId;
      const mark = h.fake.mark();
      const interaction = h.fake.slashCommand(ada, channel, 'ask', [{ name: 'question', type: 3, value: 'who requested the call?' }]);
      const asked = h.fake.userSays(ada, channel, `<@${h.fake.bot.id}> when are the Geneva talks?`);

      const deferred = await h.fake.waitForCall(isPost(`/interactions/${interaction.id}/${interaction.token}/callback`), mark);
      expect(deferred.body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
      expect(deferred.status).toBe(204);
      expect(deferred.at - interaction.createdAt).toBeLessThan(3000);

      const edited = await h.fake.waitForCall(
        (c) => c.method === 'PATCH' && c.path === `/webhooks/${h.fake.options.applicationId}/${interaction.token}/messages/@original`,
        mark,
      );
      expect(edited.at - interaction.createdAt).toBeGreaterThanOrEqual(3200);
      expect(edited.status).toBe(200);
      const { payload } = expectedAnswer(reference, 'who requested the call?', `discord:channel:${channel}:${ada.id}`, answerKey(edited.body.components), true);
      expect({ embeds: edited.body.embeds, components: edited.body.components }).toEqual(wire(payload));
      expect(edited.body.allowed_mentions).toEqual({ parse: [] });

      const answered = await h.fake.waitForCall(isPost(`/channels/${asked.id}/messages`), mark);
      const typing = h.fake.calls.slice(mark).find(isPost(`/channels/${channel}/typing`));
      expect(typing?.status).toBe(204);
      expect(typing!.at).toBeLessThan(answered.at);
      expect(h.fake.calls.slice(mark).filter((c) => c.status >= 400)).toEqual([]);
    } finally {
      await h.close();
    }
  }, 15_000);
});

describe('Discord bot: MESSAGE_CONTENT and global commands', () => {
  it('identifies with MESSAGE_CONTENT when configured, answers plain follow-ups in its thread, registers globally (so /ask works in DMs), and stops cleanly', async () => {
    const asks: { question: string; conversationId: string | undefined }[] = [];
    const h = await startHarness({ messageContent: true, guildCommands: false, wrapDesk: (desk) => recordingDesk(desk, asks) });
    try {
      expect(h.fake.frames.find((f) => f.op === 2)?.d.intents).toBe(4609 | 32768);
      const put = h.fake.calls.find((c) => c.method === 'PUT');
      expect(put?.path).toBe(`/applications/${h.fake.options.applicationId}/commands`);

      const ada = h.fake.addUser('ada');
      const mark = h.fake.mark();
      const asked = h.fake.userSays(ada, h.fake.options.channelId, `<@${h.fake.bot.id}> who requested the call?`);
      await h.fake.waitForCall(isPost(`/channels/${asked.id}/messages`), mark);
      const next = h.fake.mark();
      h.fake.userSays(ada, asked.id, 'how long was it?');
      await h.fake.waitForCall(isPost(`/channels/${asked.id}/messages`), next);
      expect(asks).toEqual([
        { question: 'who requested the call?', conversationId: `discord:thread:${asked.id}` },
        { question: 'how long was it?', conversationId: `discord:thread:${asked.id}` },
      ]);

      // Global commands reach DMs (guild commands would not).
      const dm = h.fake.openDm(ada);
      const interaction = h.fake.slashCommand(ada, dm, 'ask', [{ name: 'question', type: 3, value: 'when are the Geneva talks?' }]);
      const callback = await h.fake.waitForCall(isPost(`/interactions/${interaction.id}/${interaction.token}/callback`), next);
      expect(asks.at(-1)).toEqual({ question: 'when are the Geneva talks?', conversationId: `discord:dm:${dm}` });
      const { payload } = expectedAnswer(referenceDesk(), 'when are the Geneva talks?', `discord:dm:${dm}`, answerKey(callback.body.data.components), true);
      expect(callback.body.data.flags).toBe(EPHEMERAL);
      expect({ embeds: callback.body.data.embeds, components: callback.body.data.components }).toEqual(wire(payload));

      await h.bot.stop();
      for (let i = 0; i < 50 && h.fake.connectedSessions > 0; i++) await sleep(10);
      expect(h.fake.connectedSessions).toBe(0);
      await h.bot.stop(); // twice is harmless
    } finally {
      await h.close();
    }
  });

  it('refuses to start with a token Discord rejects, naming the problem', async () => {
    const h = await startHarness();
    try {
      const config = loadConfig({
        DISCORD_TOKEN: 'MTEwMDAwMDAwMDAwMDAwMDAx.GwRong.not-the-token-the-fake-expects',
        DISCORD_APP_ID: h.fake.options.applicationId,
        DISCORD_API_URL: h.fake.apiUrl,
        CORPUS_DIR,
        DATA_DIR: h.dataDir,
      });
      await expect(startDiscordBot({ config, desk: h.desk, log: silentLog })).rejects.toThrow(/invalid token/i);
    } finally {
      await h.close();
    }
  });
});
