import fc from 'fast-check';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { Newsdesk } from '../../src/app/newsdesk.ts';
import { decodeAnswerRef, encodeAnswerRef } from '../../adapters/slack/action-values.ts';
import { clampMrkdwn, cutPlain, button } from '../../adapters/slack/block-kit.ts';
import { boltLogger } from '../../adapters/slack/bolt-logger.ts';
import { asSlackDesk } from '../../adapters/slack/desk-port.ts';
import { blockquote, code, cutEscaped, escapeMrkdwn, linkMrkdwn, safeUrl } from '../../adapters/slack/mrkdwn.ts';
import { RecentKeys } from '../../adapters/slack/recent-keys.ts';
import { mentionsUser, slackTextToPlain } from '../../adapters/slack/slack-text.ts';

describe('escapeMrkdwn', () => {
  it('escapes Slack’s three control characters and nothing else', () => {
    expect(escapeMrkdwn('<!everyone> <!here> <!channel> <@U123> <#C123|general> <https://x.org|x> & *b*')).toBe(
      '&lt;!everyone&gt; &lt;!here&gt; &lt;!channel&gt; &lt;@U123&gt; &lt;#C123|general&gt; &lt;https://x.org|x&gt; &amp; *b*',
    );
  });

  it('leaves no < and no bare & in any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const e = escapeMrkdwn(s);
        expect(e.includes('<') || e.includes('>')).toBe(false);
        expect(/&(?!amp;|lt;|gt;)/.test(e)).toBe(false);
        expect(e.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')).toBe(s);
      }),
    );
  });
});

describe('cutEscaped', () => {
  it('keeps text that fits, escaped', () => {
    expect(cutEscaped('a < b', 20)).toEqual({ text: 'a &lt; b', cut: false });
  });

  it('cuts on the raw text so no entity is split, ending with …', () => {
    expect(cutEscaped('a < b < c', 8)).toEqual({ text: 'a &lt;…', cut: true });
    expect(cutEscaped('&&&&', 6)).toEqual({ text: '&amp;…', cut: true });
  });

  it('never exceeds the budget, never splits an entity or a surrogate pair (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.integer({ min: 1, max: 400 }), (s, budget) => {
        const { text, cut } = cutEscaped(s, budget);
        expect(text.length).toBeLessThanOrEqual(Math.max(budget, 1));
        expect(/&(?!amp;|lt;|gt;)/.test(text)).toBe(false);
        expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(text)).toBe(false);
        if (!cut) expect(text).toBe(escapeMrkdwn(s));
      }),
    );
  });
});

describe('links and code', () => {
  it('links http(s) URLs with & escaped and | < > encoded', () => {
    expect(linkMrkdwn('https://example.com/a?b=1&c=2', 'Title')).toBe('<https://example.com/a?b=1&amp;c=2|Title>');
    expect(safeUrl('https://example.com/a|b<c>')).toBe('https://example.com/a%7Cb%3Cc%3E');
  });

  it('shows the label alone for other schemes or no URL', () => {
    expect(linkMrkdwn('javascript:alert(1)', 'T')).toBe('T');
    expect(linkMrkdwn('slack://channel?id=C1', 'T')).toBe('T');
    expect(linkMrkdwn(null, 'T')).toBe('T');
    expect(linkMrkdwn('not a url', 'T')).toBe('T');
  });

  it('block-quotes every line and code-spans ids', () => {
    expect(blockquote('one\ntwo')).toBe('>one\n>two');
    expect(code('000_a`b.txt')).toBe("`000_a'b.txt`");
  });
});

describe('clampMrkdwn and cutPlain', () => {
  it('cuts before an entity or a link rather than through it', () => {
    expect(clampMrkdwn('abc &amp; def', 7)).toBe('abc…');
    expect(clampMrkdwn('see <https://x.org|x> now', 10)).toBe('see…');
    expect(clampMrkdwn('short', 10)).toBe('short');
  });

  it('cuts button labels to 75 characters', () => {
    expect(cutPlain('x'.repeat(100), 75)).toBe(`${'x'.repeat(74)}…`);
    expect(button('y'.repeat(100), 'id', 'v').text.text).toHaveLength(75);
  });

  it('refuses a button value over 2000 characters (a programming error)', () => {
    expect(() => button('b', 'id', 'v'.repeat(2001))).toThrow(RangeError);
  });
});

describe('slackTextToPlain', () => {
  it('removes the bot’s mention and turns markup into what a person reads', () => {
    expect(slackTextToPlain('<@U0BOT> who is <@U123|ana> in <#C1|news>? &lt;3 &amp; more', 'U0BOT')).toBe('who is @ana in #news? <3 & more');
    expect(slackTextToPlain('<@U0BOT|newsdesk> hi <@U0BOT>', 'U0BOT')).toBe('hi');
  });

  it('turns special mentions and links into plain words', () => {
    expect(slackTextToPlain('<!everyone> <!channel> <!here|here> <!subteam^S1|@editors> <@U123> <#C9>', null)).toBe(
      '@everyone @channel @here @editors @U123 #C9',
    );
    expect(slackTextToPlain('read <https://x.org/a|this> or <https://y.org> <mailto:a@b.c|a@b.c>', null)).toBe('read this or https://y.org a@b.c');
  });

  it('never leaves the bot’s mention in the question (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant('<@U0BOT>'), fc.constant('<@U0BOT|nd>'), fc.string({ maxLength: 10 }))), (parts) => {
        expect(mentionsUser(slackTextToPlain(parts.join(' '), 'U0BOT'), 'U0BOT')).toBe(false);
      }),
    );
  });
});

describe('answer button values', () => {
  it('round-trips a reference', () => {
    const ref = { question: 'how long was it? "quoted" \\ ok', conversationId: 'slack:C1:1700000000.000100', shown: 3 };
    expect(decodeAnswerRef(encodeAnswerRef(ref))).toEqual(ref);
  });

  it('stays within 2000 characters by cutting an over-long question', () => {
    const value = encodeAnswerRef({ question: '"'.repeat(5000), conversationId: 'slack:C1', shown: 1 });
    expect(value.length).toBeLessThanOrEqual(2000);
    const overhead = JSON.stringify({ q: '', c: 'slack:C1', n: 1 }).length; // each " is encoded as two characters
    expect(decodeAnswerRef(value)?.question).toBe('"'.repeat(Math.floor((2000 - overhead) / 2)));
    expect(value.length).toBe(overhead + 2 * Math.floor((2000 - overhead) / 2));
  });

  it('reads anything else as null', () => {
    for (const v of [undefined, 7, '', '{"q":', '{"q":"","c":null,"n":1}', '{"q":"x","c":null,"n":-1}', '[1,2]', 'x'.repeat(2001)])
      expect(decodeAnswerRef(v)).toBeNull();
  });

  it('round-trips or fits any question (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', minLength: 1, maxLength: 3000 }),
        fc.option(fc.string({ maxLength: 400 })),
        fc.nat(1000),
        (question, conversationId, shown) => {
          const value = encodeAnswerRef({ question, conversationId, shown });
          expect(value.length).toBeLessThanOrEqual(2000);
          const back = decodeAnswerRef(value);
          expect(back).not.toBeNull();
          expect(question.startsWith(back!.question)).toBe(true);
        },
      ),
    );
  });
});

describe('RecentKeys', () => {
  it('forgets the oldest key beyond its capacity', () => {
    const seen = new RecentKeys(2);
    expect(seen.addIfNew('a')).toBe(true);
    expect(seen.addIfNew('a')).toBe(false);
    seen.add('b');
    seen.add('c');
    expect([seen.has('a'), seen.has('b'), seen.has('c'), seen.size]).toEqual([false, true, true, 2]);
  });
});

describe('boltLogger', () => {
  it('writes Bolt’s messages through pino, errors under err', () => {
    const lines: Record<string, unknown>[] = [];
    const log = pino({ level: 'debug' }, { write: (s: string) => lines.push(JSON.parse(s) as Record<string, unknown>) });
    const logger = boltLogger(log.child({ module: 'slack' }));
    logger.warn('http request failed', 'A rate limit was exceeded');
    logger.error(new Error('boom'));
    expect(lines.map((l) => [l.level, l.module, l.msg])).toEqual([
      [40, 'slack', 'http request failed A rate limit was exceeded'],
      [50, 'slack', 'boom'],
    ]);
    expect((lines[1]!.err as { message: string }).message).toBe('boom');
    expect(logger.getLevel()).toBe('debug');
  });
});

describe('SlackDesk', () => {
  it('is satisfied by the Newsdesk service', () => {
    expect(typeof asSlackDesk).toBe('function');
    expect([typeof Newsdesk.prototype.more, typeof Newsdesk.prototype.answer]).toEqual(['function', 'function']);
  });
});
