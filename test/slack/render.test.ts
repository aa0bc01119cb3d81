import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer, Citation } from '../../src/types.ts';
import type { SourceList, SourceLookup } from '../../src/index/sources.ts';
import { HELP_INTRO, NO_MORE_SOURCES_MESSAGE, citationsCutMessage, quoteCutMessage } from '../../src/wording/messages.ts';
import { ACTION_IDS, decodeAnswerRef } from '../../adapters/slack/action-values.ts';
import type { SlackMessage } from '../../adapters/slack/block-kit.ts';
import {
  renderAnswerForSlack,
  renderHelpForSlack,
  renderMoreSourcesForSlack,
  renderNoticeForSlack,
  type SlackAnswerOptions,
} from '../../adapters/slack/render.ts';
import { renderSourceListForSlack, renderSourceLookupForSlack } from '../../adapters/slack/render-sources.ts';
import { messageProblem } from './fake-slack.ts';
import { loadSlackFixture } from './slack-requests.ts';
import { liveMarkup } from './markup.ts';

/**
 * The Slack renderers are pure: each fixture in test/fixtures/slack/render-*.json holds an input and
 * the exact Block Kit payload expected for it; the property tests feed hostile text and check that
 * every payload passes Slack's checks and carries no live markup.
 */

interface AnswerCase {
  answer: Answer;
  options: SlackAnswerOptions;
  expected: SlackMessage;
}

function citation(n: number, over: Partial<Citation> = {}): Citation {
  return {
    n,
    source: `00${n}_article.txt`,
    outlet: 'WEKU',
    title: `Title ${n}`,
    date: '2021-12-31',
    url: null,
    quote: `Quote number ${n}.`,
    start: 0,
    end: 10,
    ...over,
  };
}

function answered(citations: Citation[], over: Partial<Answer> = {}): Answer {
  return {
    question: 'who requested the call?',
    status: 'answered',
    answer: 'Russia',
    support: [{ value: 'Russia', sources: citations.map((c) => c.source) }],
    citations,
    ...over,
  };
}

describe('renderAnswerForSlack', () => {
  for (const name of ['answered', 'conflicting', 'not-found-related', 'not-found-bare']) {
    it(`renders the ${name} fixture exactly`, () => {
      const c = loadSlackFixture<AnswerCase>(`render-answer-${name}.json`);
      const message = renderAnswerForSlack(c.answer, c.options);
      expect(message).toEqual(c.expected);
      expect(messageProblem({ text: message.text, blocks: message.blocks })).toBeNull();
    });
  }

  it('escapes mentions, entities and links in quotes and titles so they stay inert', () => {
    const c = loadSlackFixture<AnswerCase>('render-answer-conflicting.json');
    const blocks = renderAnswerForSlack(c.answer, c.options).blocks;
    expect(blocks[2]).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: '*[1] The Epoch Times* — White House: Biden Calls For De-Escalation On Call With Putin\n>Russia has massed an estimated 100,000 troops near the border with Ukraine &amp; said &lt;!everyone&gt; in Kyiv should &lt;@U0SOMEONE1&gt; listen.',
      },
    });
    expect(blocks[0]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: '*Question:* how many troops are at the border? &lt;!channel&gt;' }] });
  });

  it('links only http(s) URLs and quotes every line of a multi-line quote', () => {
    const c = loadSlackFixture<AnswerCase>('render-answer-conflicting.json');
    const blocks = renderAnswerForSlack(c.answer, c.options).blocks;
    expect(blocks[4]).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: '*[2]* US would respond “decisively” if Russia invades Ukraine, warns Biden &lt;Putin&gt;\n>more than 90,000 troops\n>near the frontier',
      },
    });
  });

  it('cuts a 10,000-character quote to fit 3000 characters, with a pointer to the full passage', () => {
    const quote = `${'The talks went on. '.repeat(530)}END`;
    const message = renderAnswerForSlack(answered([citation(1, { quote })]));
    const section = message.blocks[1];
    expect(section?.type).toBe('section');
    const text = section?.type === 'section' ? section.text.text : '';
    expect(text.length).toBe(2996); // cut at the last word boundary before 3000
    expect(text.startsWith('*[1] WEKU* — Title 1\n>The talks went on. The talks went on.')).toBe(true);
    expect(text.endsWith('went on. The talks…')).toBe(true);
    expect(message.blocks[2]).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `\`001_article.txt\` · 2021-12-31 · ${quoteCutMessage('001_article.txt')}` }],
    });
    expect(messageProblem({ ...message })).toBeNull();
  });

  it('keeps 30 citations within 50 blocks, pointing to “More sources” for the rest', () => {
    const list = Array.from({ length: 30 }, (_, i) => citation(i + 1));
    const message = renderAnswerForSlack(answered(list), { showQuestion: true, shareButton: true });
    expect(message.blocks).toHaveLength(50);
    expect(message.blocks[48]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: citationsCutMessage(7) }] });
    expect(citationsCutMessage(7)).toBe('…and 7 more citations not shown here: press “More sources” to see them.');
    const actions = message.blocks[49];
    expect(actions?.type).toBe('actions');
    const value = actions?.type === 'actions' ? actions.elements[0]!.value : '';
    expect(decodeAnswerRef(value)).toEqual({ question: 'who requested the call?', conversationId: null, shown: 23 });
    expect(messageProblem({ ...message })).toBeNull();
  });

  it('offers no “More sources” when there is nothing to cite', () => {
    const c = loadSlackFixture<AnswerCase>('render-answer-not-found-bare.json');
    const actions = renderAnswerForSlack(c.answer).blocks.at(-1);
    expect(actions?.type === 'actions' ? actions.elements.map((e) => e.action_id) : []).toEqual([ACTION_IDS.helpful, ACTION_IDS.notHelpful]);
  });

  it('always produces a payload Slack accepts, with no live markup, whatever the text (property)', () => {
    const hostile = fc.string({
      unit: fc.constantFrom('<', '>', '&', '!', '@', '#', '|', '*', '_', '`', '~', '\n', ' ', 'a', 'é', '😀', 'h', 't', 'p', ':', '/'),
      maxLength: 400,
    });
    const anyText = fc.oneof(
      { arbitrary: hostile, weight: 4 },
      { arbitrary: fc.string({ unit: 'binary', maxLength: 300 }), weight: 4 },
      { arbitrary: fc.string({ unit: 'binary', minLength: 2500, maxLength: 4000 }), weight: 1 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.record({ quote: anyText, title: anyText, outlet: fc.option(anyText), url: fc.option(fc.oneof(fc.webUrl(), anyText)), source: anyText }), {
          maxLength: 12,
        }),
        anyText,
        fc.option(anyText),
        fc.constantFrom<Answer['status']>('answered', 'conflicting', 'not_found'),
        fc.boolean(),
        (cites, question, value, status, slash) => {
          const citations = cites.map((c, i) => citation(i + 1, { ...c, title: c.title || 'untitled', source: c.source || 'x.txt' }));
          const answer: Answer =
            status === 'not_found'
              ? { question, status, answer: null, support: [], citations: [], related: citations }
              : { question, status, answer: value ?? 'x', support: [{ value: value ?? 'x', sources: ['a'] }], citations };
          const message = renderAnswerForSlack(answer, { showQuestion: slash, shareButton: slash, conversationId: 'slack:C1:1.2' });
          expect(messageProblem({ text: message.text, blocks: message.blocks })).toBeNull();
          expect(liveMarkup(message)).toEqual([]);
        },
      ),
      { numRuns: 80 },
    );
  }, 20_000);
});

describe('renderMoreSourcesForSlack', () => {
  it('renders the fixture exactly', () => {
    const c = loadSlackFixture<{ question: string; citations: Citation[]; options: { conversationId: string; shownBefore: number }; expected: SlackMessage }>(
      'render-more-sources.json',
    );
    expect(renderMoreSourcesForSlack(c.question, c.citations, c.options)).toEqual(c.expected);
  });

  it('says plainly that there are no more sources', () => {
    expect(renderMoreSourcesForSlack('who?', [], { shownBefore: 3 })).toEqual({
      text: NO_MORE_SOURCES_MESSAGE,
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'There are no more sources for that question.' } }],
    });
  });
});

describe('renderNoticeForSlack', () => {
  it('escapes the sentence and cuts it within one section', () => {
    expect(renderNoticeForSlack('Use <!here> & wait')).toEqual({
      text: 'Use &lt;!here&gt; &amp; wait',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Use &lt;!here&gt; &amp; wait' } }],
    });
    const long = renderNoticeForSlack('x'.repeat(10_000));
    expect(long.text).toHaveLength(3000);
    expect(messageProblem({ ...long })).toBeNull();
  });
});

describe('renderHelpForSlack', () => {
  it('lists every slash command with its argument', () => {
    const help = renderHelpForSlack();
    expect(help.text).toBe(HELP_INTRO);
    expect(help.blocks[1]).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: [
          '`/ask &lt;question&gt;` Ask a question; the answer is private until you share it.',
          '`/sources` List the articles in the coverage.',
          '`/source &lt;outlet or id&gt;` Show one article: its lead and key passages.',
          '`/stories` List the stories in the coverage, largest first.',
          '`/story &lt;words or id&gt;` Follow a story here: questions are then answered from its coverage.',
          '`/digest` Today’s briefing.',
          '`/digest subscribe [time] [timezone] [topic]` Post the daily briefing in this channel every day (default 08:00; e.g. 07:30 Europe/Paris ukraine: only the stories about Ukraine).',
          '`/digest unsubscribe` Stop the daily briefing in this channel.',
          '`/digest status` When this channel gets the daily briefing, and when it last did.',
          '`/newsdesk help` This help.',
        ].join('\n'),
      },
    });
  });
});

describe('source renderers', () => {
  it('renders the source list fixture exactly', () => {
    const c = loadSlackFixture<{ list: SourceList; expected: SlackMessage }>('render-source-list.json');
    expect(renderSourceListForSlack(c.list)).toEqual(c.expected);
  });

  it('renders the source detail fixture exactly', () => {
    const c = loadSlackFixture<{ lookup: SourceLookup; expected: SlackMessage }>('render-source-detail.json');
    expect(renderSourceLookupForSlack(c.lookup)).toEqual(c.expected);
  });

  it('renders an ambiguous lookup with the candidates’ ids', () => {
    const c = loadSlackFixture<{ lookup: SourceLookup; expected: SlackMessage }>('render-source-ambiguous.json');
    expect(renderSourceLookupForSlack(c.lookup)).toEqual(c.expected);
  });

  it('cuts a list of 2000 sources within 50 blocks, saying how many are not shown', () => {
    const sources = Array.from({ length: 2000 }, (_, i) => ({
      id: `${i}.txt`,
      title: `Article ${i} ${'long title '.repeat(20)}`,
      outlet: null,
      byline: null,
      published: null,
      url: null,
      passages: 3,
    }));
    const message = renderSourceListForSlack({ sources, skipped: [] });
    expect(message.blocks).toHaveLength(50);
    const last = message.blocks[49];
    expect(last?.type === 'context' ? last.elements[0]!.text : '').toMatch(/^…and \d+ more sources not shown here\.$/);
    const shown = message.blocks
      .filter((b) => b.type === 'section')
      .reduce((n, b) => n + (b.type === 'section' ? (b.text.text.match(/^\*\d+\.\*/gm) ?? []).length : 0), 0);
    expect(last?.type === 'context' ? last.elements[0]!.text : '').toBe(`…and ${2000 - shown} more sources not shown here.`);
    expect(messageProblem({ ...message })).toBeNull();
  });

  it('cuts a 10,000-character query in the “no match” heading', () => {
    const message = renderSourceLookupForSlack({ kind: 'not_found', query: `<!everyone>${'q'.repeat(10_000)}`, suggestions: [] });
    expect(message.text).toBe(`No source matches “&lt;!everyone&gt;${'q'.repeat(188)}…”.`);
    expect(messageProblem({ ...message })).toBeNull();
  });

  it('asks which source when the query is empty', () => {
    const message = renderSourceLookupForSlack({ kind: 'not_found', query: '', suggestions: [] });
    expect(message.text).toBe('Which source? Give an outlet, an id or words from a title. Some sources:');
  });
});

describe('answers in a coverage of several stories (Slack)', () => {
  it('names the story an answer comes from under the answer', () => {
    const message = renderAnswerForSlack(answered([citation(1)], { story: { id: 'st-0a1b2c3d', title: 'Quake <hits> Nepal' } }));
    expect(message.blocks[1]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: 'From the story: Quake &lt;hits&gt; Nepal' }] });
    expect(messageProblem({ ...message })).toBeNull();
  });

  it('asks which story, listing each choice with the command that follows it and a button per story', () => {
    const message = renderAnswerForSlack({
      question: 'how long was it?',
      status: 'not_found',
      answer: null,
      support: [],
      citations: [],
      storyChoices: [
        { id: 'st-0a1b2c3d', title: 'Earthquake strikes Nepal', articles: 3 },
        { id: 'st-1b2c3d4e', title: 'Shevchenko completes Chelsea move', articles: 1 },
      ],
    });
    expect(message.blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: 'That could be about several stories. Which one do you mean?' } },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: '1. Earthquake strikes Nepal (3 articles) — `/story st-0a1b2c3d`\n2. Shevchenko completes Chelsea move (1 article) — `/story st-1b2c3d4e`',
        },
      },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            text: { type: 'plain_text', text: '1. Earthquake strikes Nepal', emoji: false },
            action_id: `${ACTION_IDS.followStory}_1`,
            value: 'st-0a1b2c3d',
          },
          {
            type: 'button',
            text: { type: 'plain_text', text: '2. Shevchenko completes Chelsea move', emoji: false },
            action_id: `${ACTION_IDS.followStory}_2`,
            value: 'st-1b2c3d4e',
          },
        ],
      },
    ]);
    expect(message.text).toBe('That could be about several stories. Which one do you mean? Earthquake strikes Nepal; Shevchenko completes Chelsea move');
    expect(messageProblem({ ...message })).toBeNull();
  });
});
