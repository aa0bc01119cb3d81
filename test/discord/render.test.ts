import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeButtonId, encodeButtonId, type ButtonAction } from '../../adapters/discord/custom-ids.ts';
import { DISCORD_COMMANDS, discordCommandUsages } from '../../adapters/discord/commands.ts';
import { CHAT_COMMANDS } from '../../src/wording/commands.ts';
import { cutText, escapeDiscordMarkdown, fitEscaped, safeLinkUrl } from '../../adapters/discord/markdown.ts';
import { questionFromMessage } from '../../adapters/discord/mentions.ts';
import {
  DISCORD_LIMITS,
  embedLength,
  renderAnswerForDiscord,
  renderChoicesForDiscord,
  renderHelpForDiscord,
  renderMoreCitationsForDiscord,
  renderNoticeForDiscord,
  renderSourceListForDiscord,
  renderSourceLookupForDiscord,
  threadNameForQuestion,
  withShareButton,
  type DiscordMessage,
} from '../../adapters/discord/render.ts';
import { citationsCutMessage, listCutMessage, quoteCutMessage } from '../../src/wording/messages.ts';
import type { SourceList, SourceLookup } from '../../src/index/sources.ts';
import type { Answer, Citation } from '../../src/types.ts';
import { validateMessageBody } from './fake-discord.ts';

const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures', 'discord');
const readFixture = <T>(name: string): T => JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8')) as T;
const answers = readFixture<Record<'answered' | 'conflicting' | 'notFoundRelated' | 'notFoundEmpty' | 'hostile', Answer>>('answers.json');
const sources = readFixture<{ list: SourceList; listWithSkipped: SourceList; detail: SourceLookup; ambiguous: SourceLookup; notFound: SourceLookup }>(
  'sources.json',
);
const KEY = '1100000000000001011';

/** The body discord.js sends for a payload (what Discord validates). */
function apiBody(payload: DiscordMessage): Record<string, unknown> {
  return { content: payload.content, embeds: payload.embeds, components: payload.components, allowed_mentions: payload.allowedMentions };
}

/** Removes the escapes {@link escapeDiscordMarkdown} adds. */
function unescapeMarkdown(text: string): string {
  return text.replace(/\\([^\p{L}\p{N}\s])/gu, '$1').replace(/@\u200b(everyone|here)/gi, '@$1');
}

/** True when every markdown-special character of `text` is backslash-escaped. */
function fullyEscaped(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') i++;
    else if ('*_~`|[]<'.includes(c)) return false;
  }
  return !/@(everyone|here)/i.test(text) && !/^[ \t]*[#>+-]/m.test(text);
}

describe('renderAnswerForDiscord', () => {
  it('renders an answered question as the saved payload: question, answer, agreement, numbered citations, buttons', () => {
    const payload = renderAnswerForDiscord(answers.answered, { controls: { key: KEY, moreAvailable: true, share: true, feedback: true } });
    expect(payload).toEqual(readFixture('answer-answered.payload.json'));
    const embed = payload.embeds[0]!;
    expect(embed.title).toBe('Russia');
    expect(embed.description).toBe('Three sources agree.');
    expect(embed.fields?.map((f) => f.name)).toEqual([
      '[1] Biden and Putin warn of breach if no resolution reached on Ukraine tension',
      '[2] WEKU',
      '[3] US would respond “decisively” if Russia invades Ukraine, warns Biden Putin',
    ]);
    expect(embed.fields?.[1]?.value).toBe(
      '[Biden again calls on Putin to de-escalate tensions along Ukraine border](https://www.weku.org/2021-12-30/biden-putin-call-ukraine) · 2021-12-31\n' +
        '> The official said the purpose of the call, which Putin requested, was primarily to set the "tone and tenor" for planned security talks between U.S. and Russian officials on Jan. 10 in Geneva.',
    );
    expect(payload.components[0]?.components.map((b) => ('custom_id' in b ? b.custom_id : null))).toEqual([
      'newsdesk:more:1100000000000001011:3',
      'newsdesk:helpful:1100000000000001011',
      'newsdesk:unhelpful:1100000000000001011',
      'newsdesk:share:1100000000000001011',
    ]);
    expect(payload.allowedMentions).toEqual({ parse: [] });
  });

  it('renders outlets that disagree with the agreement line and the main value', () => {
    const payload = renderAnswerForDiscord(answers.conflicting, { controls: { key: KEY, moreAvailable: false, share: false, feedback: true } });
    expect(payload).toEqual(readFixture('answer-conflicting.payload.json'));
    expect(payload.embeds[0]?.description).toBe('Sources differ: 100,000, say three sources; more than 90,000, says one source.');
  });

  it('percent-encodes parentheses in a link so the masked link cannot end early', () => {
    const value = renderAnswerForDiscord(answers.conflicting).embeds[0]?.fields?.[1]?.value;
    expect(value?.split('\n')[0]).toBe(
      '[White House: Biden Calls For De-Escalation On Call With Putin](https://www.theepochtimes.com/white-house-biden-calls-for-de-escalation_%28call%29) · 2021-12-30',
    );
  });

  it('shows the related passages, labelled as not an answer, when the coverage does not answer', () => {
    const payload = renderAnswerForDiscord(answers.notFoundRelated, { controls: { key: KEY, moreAvailable: false, share: false, feedback: true } });
    expect(payload).toEqual(readFixture('answer-not-found-related.payload.json'));
    expect(payload.embeds[0]?.title).toBe('The coverage does not answer that: none of the articles says it.');
    expect(payload.embeds[0]?.description).toBe('Closest passages (related, not an answer):');
  });

  it('renders a bare "not in the coverage" when nothing is related, without buttons when none are asked for', () => {
    const payload = renderAnswerForDiscord(answers.notFoundEmpty);
    expect(payload).toEqual(readFixture('answer-not-found-empty.payload.json'));
    expect(payload.embeds[0]?.fields).toBeUndefined();
    expect(payload.components).toEqual([]);
  });

  it('makes markup, mentions and masked links in outside text inert, and drops non-http links', () => {
    const payload = renderAnswerForDiscord(answers.hostile);
    expect(payload).toEqual(readFixture('answer-hostile.payload.json'));
    const embed = payload.embeds[0]!;
    expect(embed.title).toBe('\\*\\*Russia\\*\\* \\<@&456>');
    expect(embed.fields?.[0]?.name).toBe('[1] \\[Click\\](https://evil.example)');
    expect(embed.fields?.[0]?.value).toBe(
      '*\\# Heading \\|\\|spoiler\\|\\| \\`code\\`*\n' +
        '> @\u200bhere see \\[this\\](https://evil.example) \\<@123> \\<#456> \\</ask:1> \\~\\~struck\\~\\~ \\_\\_under\\_\\_ \\*it\\* > quoted - listed 1. numbered',
    );
    // The author line is plain text on Discord (no markdown, no mentions): shown as typed.
    expect(embed.author?.name).toBe('Question: @everyone <@123> **who** asked?');
  });

  it('shows at most `shown` citations and offers the rest behind "More sources"', () => {
    const payload = renderAnswerForDiscord(answers.answered, { shown: 1, controls: { key: KEY, moreAvailable: false, share: false, feedback: false } });
    expect(payload.embeds[0]?.fields?.map((f) => f.name)).toEqual(['[1] Biden and Putin warn of breach if no resolution reached on Ukraine tension']);
    expect(payload.embeds[0]?.footer).toBeUndefined();
    expect(payload.components).toEqual([
      { type: 1, components: [{ type: 2, style: 2, label: 'More sources', custom_id: 'newsdesk:more:1100000000000001011:1' }] },
    ]);
  });

  it('cuts an oversized answer to Discord’s limits, with "…" and pointers to the rest', () => {
    const long = 'The minister said the talks would resume next week in Geneva. '.repeat(60);
    const citations: Citation[] = Array.from({ length: 30 }, (_, i) => ({
      n: i + 1,
      source: `${String(i).padStart(3, '0')}_article.txt`,
      outlet: `Outlet ${i + 1} `.repeat(40),
      title: `Title ${i + 1} `.repeat(50),
      date: '2022-01-10',
      url: `https://example.org/${'a'.repeat(400)}`,
      quote: long,
      start: 0,
      end: long.length,
    }));
    const answer: Answer = {
      question: 'q '.repeat(400),
      status: 'answered',
      answer: 'Geneva '.repeat(100),
      support: [{ value: 'Geneva', sources: ['a'] }],
      citations,
    };
    const payload = renderAnswerForDiscord(answer, { controls: { key: KEY, moreAvailable: false, share: true, feedback: true } });
    expect(validateMessageBody(apiBody(payload), true)).toEqual([]);
    const embed = payload.embeds[0]!;
    const fields = embed.fields ?? [];
    expect(embedLength(embed)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
    expect(fields.length).toBe(4);
    expect(embed.footer?.text).toBe(citationsCutMessage(26));
    expect(embed.title).toBe(`${'Geneva '.repeat(36).trimEnd()}…`);
    expect(embed.author?.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.authorName);
    for (const [i, f] of fields.entries()) {
      expect(f.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
      expect(f.value.endsWith(`…\n${escapeDiscordMarkdown(quoteCutMessage(citations[i]!.source))}`)).toBe(true);
    }
    expect(payload.components[0]?.components[0]).toEqual({ type: 2, style: 2, label: 'More sources', custom_id: 'newsdesk:more:1100000000000001011:4' });
  });

  it('always produces a payload Discord accepts, whatever the answer holds', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 1500 });
    const citation = fc.record({
      n: fc.integer({ min: 1, max: 99 }),
      source: fc.string({ minLength: 1, maxLength: 300 }),
      outlet: fc.option(text, { nil: null }),
      title: text,
      date: fc.option(fc.string({ maxLength: 40 }), { nil: null }),
      url: fc.option(fc.oneof(fc.webUrl(), fc.string()), { nil: null }),
      quote: text,
      start: fc.nat(),
      end: fc.nat(),
    });
    const answer = fc.record({
      question: text,
      status: fc.constantFrom('answered' as const, 'conflicting' as const, 'not_found' as const),
      answer: fc.option(text, { nil: null }),
      support: fc.array(fc.record({ value: text, sources: fc.array(fc.string(), { maxLength: 12 }) }), { maxLength: 6 }),
      citations: fc.array(citation, { maxLength: 30 }),
      related: fc.option(fc.array(citation, { maxLength: 30 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(answer, fc.option(fc.nat({ max: 40 }), { nil: undefined }), (a, shown) => {
        const payload = renderAnswerForDiscord(a, { shown, controls: { key: KEY, moreAvailable: true, share: true, feedback: true } });
        expect(validateMessageBody(apiBody(payload), true)).toEqual([]);
        expect(payload.allowedMentions).toEqual({ parse: [] });
      }),
      { numRuns: 100 },
    );
  }, 30_000);
});

describe('renderMoreCitationsForDiscord', () => {
  it('renders the next citations with their own numbers and a "More sources" for what follows', () => {
    const payload = renderMoreCitationsForDiscord('who requested the call?', answers.answered.citations.slice(1), { key: KEY, moreAvailable: true });
    expect(payload).toEqual(readFixture('more-citations.payload.json'));
    expect(payload.embeds[0]?.author?.name).toBe('More sources for “who requested the call?”:');
  });

  it('has no button when the core holds no more', () => {
    expect(renderMoreCitationsForDiscord('q', answers.answered.citations.slice(2), { key: KEY, moreAvailable: false }).components).toEqual([]);
  });
});

describe('source renderers', () => {
  it('lists every source with its metadata and id', () => {
    const payload = renderSourceListForDiscord(sources.list);
    expect(payload).toEqual(readFixture('sources-list.payload.json'));
    expect(payload.embeds[0]?.title).toBe('5 sources:');
  });

  it('lists the skipped files with their reasons', () => {
    const payload = renderSourceListForDiscord(sources.listWithSkipped);
    expect(payload).toEqual(readFixture('sources-list-skipped.payload.json'));
    expect(payload.embeds[0]?.fields).toEqual([
      { name: 'Skipped 2 files:', value: '• notes/readme.md: not an article: no body text\n• big\\_file.pdf: larger than MAX\\_FILE\\_BYTES (20971520 bytes)' },
    ]);
  });

  it('cuts a long source list with a count of the sources left out', () => {
    const many: SourceList = {
      sources: Array.from({ length: 300 }, (_, i) => ({
        id: `${i}.txt`,
        title: `Article number ${i} about the talks`,
        outlet: 'Wire',
        byline: null,
        published: null,
        url: null,
        passages: 3,
      })),
      skipped: [],
    };
    const description = renderSourceListForDiscord(many).embeds[0]?.description ?? '';
    expect(description.length).toBeLessThanOrEqual(DISCORD_LIMITS.description);
    const shownCount = (description.match(/^\*\*\d+\. /gm) ?? []).length;
    expect(description.endsWith(`\n\n${escapeDiscordMarkdown(listCutMessage(300 - shownCount, 'source'))}`)).toBe(true);
  });

  it('renders one source with its lead and key passages', () => {
    const payload = renderSourceLookupForDiscord(sources.detail);
    expect(payload).toEqual(readFixture('source-detail.payload.json'));
    expect(payload.embeds[0]?.fields?.map((f) => f.name)).toEqual(['¶6', '¶9', '¶15']);
  });

  it('lists the candidates of an ambiguous lookup with their ids', () => {
    expect(renderSourceLookupForDiscord(sources.ambiguous)).toEqual(readFixture('source-ambiguous.payload.json'));
  });

  it('says plainly when no source matches', () => {
    expect(renderSourceLookupForDiscord(sources.notFound)).toEqual(readFixture('source-not-found.payload.json'));
    expect(renderSourceLookupForDiscord(sources.notFound).embeds[0]?.description).toBe('No source matches “premier league”.');
  });

  it('adds "Share in channel" in a row of its own', () => {
    const payload = withShareButton(renderSourceListForDiscord(sources.list), KEY);
    expect(payload.components).toEqual([
      { type: 1, components: [{ type: 2, style: 1, label: 'Share in channel', custom_id: 'newsdesk:share:1100000000000001011' }] },
    ]);
  });
});

describe('renderHelpForDiscord', () => {
  it('lists each command with its Discord usage', () => {
    expect(renderHelpForDiscord(discordCommandUsages())).toEqual(readFixture('help.payload.json'));
  });
});

describe('renderNoticeForDiscord', () => {
  it('sends a sentence as content, clearing embeds and buttons', () => {
    expect(renderNoticeForDiscord('There are no more sources for that question.')).toEqual({
      content: 'There are no more sources for that question.',
      embeds: [],
      components: [],
      allowedMentions: { parse: [] },
    });
  });

  it('cuts a long notice to 2000 characters', () => {
    const content = renderNoticeForDiscord('word '.repeat(1000)).content ?? '';
    expect(content.length).toBeLessThanOrEqual(2000);
    expect(content.endsWith('word…')).toBe(true);
  });
});

describe('renderChoicesForDiscord', () => {
  it('keeps at most 25 choices, names within 100 characters, and drops values Discord would refuse', () => {
    const suggestions = [
      { name: 'x'.repeat(150), value: 'long-name.txt' },
      { name: 'Too long an id', value: 'y'.repeat(101) },
      ...Array.from({ length: 40 }, (_, i) => ({ name: `Outlet ${i}: Title`, value: `${i}.txt` })),
    ];
    const choices = renderChoicesForDiscord(suggestions);
    expect(choices.length).toBe(25);
    expect(choices[0]).toEqual({ name: `${'x'.repeat(99)}…`, value: 'long-name.txt' });
    expect(choices[1]).toEqual({ name: 'Outlet 0: Title', value: '0.txt' });
    expect(choices.every((c) => c.name.length >= 1 && c.name.length <= 100 && c.value.length <= 100)).toBe(true);
  });
});

describe('threadNameForQuestion', () => {
  it('puts the question on one line within 100 characters', () => {
    expect(threadNameForQuestion('who requested\nthe   call?')).toBe('who requested the call?');
    expect(threadNameForQuestion('why '.repeat(50))).toBe(`${'why '.repeat(24)}why…`);
    expect(threadNameForQuestion('   ')).toBe('Question');
  });

  it('drops right-to-left overrides, bidi isolates, zero-width and control characters', () => {
    expect(threadNameForQuestion('who\u202erequested\u200b the\u2066 call\u0007?')).toBe('who requested the call ?');
  });
});

describe('escapeDiscordMarkdown', () => {
  it('escapes inline markup, line-start markup, mentions and masked links', () => {
    expect(escapeDiscordMarkdown('**hi** <@123> [x](https://e.vil)')).toBe('\\*\\*hi\\*\\* \\<@123> \\[x\\](https://e.vil)');
    expect(escapeDiscordMarkdown('# title\n> quote\n- item\n12. item\n-# small')).toBe('\\# title\n\\> quote\n\\- item\n12\\. item\n\\-# small');
    expect(escapeDiscordMarkdown('@everyone and @here')).toBe('@\u200beveryone and @\u200bhere');
    expect(escapeDiscordMarkdown('U.S. officials said 100,000 troops — “a moment of crisis.”')).toBe(
      'U.S. officials said 100,000 troops — “a moment of crisis.”',
    );
  });

  it('leaves nothing unescaped and loses nothing, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
        const escaped = escapeDiscordMarkdown(s);
        expect(fullyEscaped(escaped)).toBe(true);
        expect(unescapeMarkdown(escaped)).toBe(unescapeMarkdown(s.replace(/\\/g, '\\\\')));
      }),
    );
  });
});

describe('cutText and fitEscaped', () => {
  it('cuts at a word boundary with "…"', () => {
    expect(cutText('one two three', 9)).toBe('one two…');
    expect(cutText('short', 9)).toBe('short');
    expect(cutText('abcdefghij', 5)).toBe('abcd…');
  });

  it('never splits a surrogate pair', () => {
    expect(cutText('ab😀cd', 4)).toBe('ab…');
  });

  it('fits escaped text without cutting inside an escape', () => {
    expect(fitEscaped('**bold** words here', 12)).toEqual({ text: '\\*\\*bold\\*…', cut: true });
    expect(fitEscaped('**bold** words here', 40)).toEqual({ text: '\\*\\*bold\\*\\* words here', cut: false });
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 1, max: 200 }), (s, max) => {
        const { text } = fitEscaped(s, max);
        expect(text.length).toBeLessThanOrEqual(max);
        expect(/(^|[^\\])(\\\\)*\\…$/.test(text)).toBe(false);
      }),
    );
  });
});

describe('safeLinkUrl', () => {
  it('keeps http(s) URLs, encodes characters that end a masked link, and refuses the rest', () => {
    expect(safeLinkUrl('https://example.org/a_(b)')).toBe('https://example.org/a_%28b%29');
    expect(safeLinkUrl('http://example.org/x y>')).toBe('http://example.org/x%20y%3E');
    expect(safeLinkUrl('javascript:alert(1)')).toBeNull();
    expect(safeLinkUrl('not a url')).toBeNull();
    expect(safeLinkUrl(null)).toBeNull();
  });
});

describe('button custom ids', () => {
  it('round-trips every action within 100 characters', () => {
    const action = fc.oneof(
      fc.record({ kind: fc.constant('more' as const), key: fc.stringMatching(/^[\w-]{1,40}$/), shown: fc.nat({ max: 9999 }) }),
      fc.record({ kind: fc.constant('feedback' as const), key: fc.stringMatching(/^[\w-]{1,40}$/), helpful: fc.boolean() }),
      fc.record({ kind: fc.constant('share' as const), key: fc.stringMatching(/^[\w-]{1,40}$/) }),
      fc.record({ kind: fc.constant('story' as const), key: fc.stringMatching(/^[\w-]{1,40}$/) }),
    );
    fc.assert(
      fc.property(action, (a: ButtonAction) => {
        const id = encodeButtonId(a);
        expect(id.length).toBeLessThanOrEqual(DISCORD_LIMITS.customId);
        expect(decodeButtonId(id)).toEqual(a);
      }),
    );
  });

  it('refuses ids it did not make', () => {
    for (const id of [
      '',
      'newsdesk:',
      'newsdesk:more:1',
      'newsdesk:more:1:x',
      'newsdesk:share:1:2',
      'other:share:1',
      'newsdesk:delete:1',
      'newsdesk:share:a b',
    ]) {
      expect(decodeButtonId(id)).toBeNull();
    }
  });
});

describe('questionFromMessage', () => {
  it('removes the bot’s mention and names resolved mentions', () => {
    const names = { users: new Map([['222222222222222222', 'Ada']]), channels: new Map([['333333333333333333', 'newsroom']]) };
    expect(questionFromMessage('<@111111111111111111> who requested the call?', '111111111111111111')).toBe('who requested the call?');
    expect(questionFromMessage('hey <@!111111111111111111>, did <@222222222222222222> see <#333333333333333333>?', '111111111111111111', names)).toBe(
      'hey , did @Ada see #newsroom?',
    );
    expect(questionFromMessage('<@999999999999999999> @everyone', '111111111111111111')).toBe('<@999999999999999999> @everyone');
  });
});

describe('DISCORD_COMMANDS', () => {
  it('defines /ask, /sources, /source, /stories, /story, /digest and /newsdesk help within Discord’s rules', () => {
    expect(DISCORD_COMMANDS.map((c) => c.name)).toEqual(['ask', 'sources', 'source', 'stories', 'story', 'digest', 'newsdesk']);
    // The descriptions are the catalogue's, the same Slack's manifest shows.
    expect(DISCORD_COMMANDS.map((c) => c.description)).toEqual(CHAT_COMMANDS.map((c) => c.summary));
    const all = (options: readonly { name: string; description: string; options?: readonly unknown[] }[]): { name: string; description: string }[] =>
      options.flatMap((o) => [o, ...all((o.options ?? []) as { name: string; description: string }[])]);
    for (const c of all(DISCORD_COMMANDS)) {
      expect(c.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
      expect(c.description.length).toBeLessThanOrEqual(100);
    }
    expect(discordCommandUsages().map((u) => u.usage)).toEqual([
      '/ask question:<question>',
      '/sources',
      '/source query:<outlet or id>',
      '/stories',
      '/story [query:<words or id>]',
      '/digest now',
      '/digest subscribe [time:<time>] [timezone:<timezone>] [topic:<topic>]',
      '/digest unsubscribe',
      '/digest status',
      '/newsdesk help',
    ]);
  });

  it('offers /digest now, subscribe (optional time, timezone and topic), unsubscribe and status as subcommands', () => {
    const digest = DISCORD_COMMANDS.find((c) => c.name === 'digest');
    const options = digest && 'options' in digest ? digest.options : [];
    expect(options.map((o) => [o.name, o.type])).toEqual([
      ['now', 1],
      ['subscribe', 1],
      ['unsubscribe', 1],
      ['status', 1],
    ]);
    const subscribe = options.find((o) => o.name === 'subscribe');
    expect(subscribe && 'options' in subscribe ? subscribe.options.map((o) => [o.name, o.type, o.required]) : []).toEqual([
      ['time', 3, false],
      ['timezone', 3, false],
      ['topic', 3, false],
    ]);
  });
});

describe('"which story?" on Discord', () => {
  it('lists the choices with the command that follows each, and a button per story', () => {
    const payload = renderAnswerForDiscord({
      question: 'how long was it?',
      status: 'not_found',
      answer: null,
      support: [],
      citations: [],
      storyChoices: [
        { id: 'st-0a1b2c3d', title: 'Earthquake strikes Nepal', articles: 3 },
        { id: 'st-1b2c3d4e', title: 'Shevchenko completes *Chelsea* move', articles: 1 },
      ],
    });
    expect(payload.embeds[0]!.title).toBe('That could be about several stories. Which one do you mean?');
    expect(payload.embeds[0]!.description).toBe(
      '1. Earthquake strikes Nepal (3 articles) — `/story query:st-0a1b2c3d`\n2. Shevchenko completes \\*Chelsea\\* move (1 article) — `/story query:st-1b2c3d4e`',
    );
    expect(payload.components).toEqual([
      {
        type: 1,
        components: [
          { type: 2, style: 2, label: '1. Earthquake strikes Nepal', custom_id: 'newsdesk:story:st-0a1b2c3d' },
          { type: 2, style: 2, label: '2. Shevchenko completes *Chelsea* move', custom_id: 'newsdesk:story:st-1b2c3d4e' },
        ],
      },
    ]);
  });
});
