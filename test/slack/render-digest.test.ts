import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Digest } from '../../src/digest/types.ts';
import { DIGEST_LABELS } from '../../src/wording/messages.ts';
import type { Citation } from '../../src/types.ts';
import { ACTION_IDS } from '../../adapters/slack/action-values.ts';
import { SLACK_LIMITS, type SlackMessage } from '../../adapters/slack/block-kit.ts';
import { renderDigestForSlack, type SlackDigestOptions } from '../../adapters/slack/render-digest.ts';
import { messageProblem } from './fake-slack.ts';
import { loadSlackFixture } from './slack-requests.ts';
import { liveMarkup, mrkdwnTexts } from './markup.ts';

/**
 * renderDigestForSlack is pure: each test/fixtures/slack/render-digest-*.json holds a digest, options
 * and the exact Block Kit message; any digest, however long or hostile, gives a message Slack accepts
 * with no live markup (nothing pings, only http(s) links).
 */

interface DigestCase {
  digest: Digest;
  options: SlackDigestOptions;
  expected: SlackMessage;
}

function citation(n: number, over: Partial<Citation> = {}): Citation {
  return { n, source: `00${n}_a.txt`, outlet: 'WEKU', title: `Title ${n}`, date: '2021-12-31', url: null, quote: `Quote ${n}.`, start: 0, end: 5, ...over };
}

describe('renderDigestForSlack', () => {
  for (const name of ['corpus', 'hostile', 'empty']) {
    it(`renders the ${name} digest fixture exactly`, () => {
      const c = loadSlackFixture<DigestCase>(`render-digest-${name}.json`);
      const message = renderDigestForSlack(c.digest, c.options);
      expect(message).toEqual(c.expected);
      expect(messageProblem({ text: message.text, blocks: message.blocks })).toBeNull();
      expect(liveMarkup(message)).toEqual([]);
    });
  }

  it('shows the headline, each numbered point with its citations, where outlets differ, what is new, and Share', () => {
    const c = loadSlackFixture<DigestCase>('render-digest-corpus.json');
    const m = renderDigestForSlack(c.digest, { shareButton: true });
    const sections = m.blocks.flatMap((b) => (b.type === 'section' ? [b.text.text] : []));
    expect(sections[0]).toBe('*Daily briefing*\n*Biden again calls on Putin to de-escalate tensions along Ukraine border*');
    expect(sections[1]).toBe('*Key points*');
    expect(sections[2]).toMatch(/^\*1\.\* President Joe Biden on Thursday urged .* \[1\]\[2\]\[3\]\[4\]\[5\]\n_reported by 5 sources_$/);
    expect(sections[3]!.split('\n')[1]).toBe(
      '*[2] The Epoch Times* — White House: Biden Calls For De-Escalation On Call With Putin · 2021-12-30 · `001_ae44a968ee4ee127.txt`',
    );
    expect(sections.some((s) => s.startsWith(`*${DIGEST_LABELS.disagreements}*\n• Number of troops: 100,000 troops (3 sources)`))).toBe(true);
    expect(sections.at(-1)!.startsWith(`*${DIGEST_LABELS.new}*`)).toBe(true);
    const last = m.blocks.at(-1);
    expect(last?.type === 'actions' ? last.elements.map((e) => [e.action_id, e.text.text]) : null).toEqual([[ACTION_IDS.shareDigest, 'Share in channel']]);
    expect(renderDigestForSlack(c.digest).blocks.some((b) => b.type === 'actions')).toBe(false);
  });

  it('keeps a huge digest within 50 blocks and 3000 characters per text, counting what is left out', () => {
    const long = 'word '.repeat(1000);
    const digest: Digest = {
      headline: long,
      points: Array.from({ length: 40 }, (_, i) => ({
        text: long,
        citations: Array.from({ length: 9 }, (_, j) => citation(i * 9 + j + 1, { quote: long, title: long, outlet: long })),
      })),
      new: Array.from({ length: 60 }, (_, i) => ({
        source: `${i}.txt`,
        title: long,
        outlet: 'X',
        firstSeen: '2026-11-23T07:00:00.000Z',
        facts: [citation(1000 + i, { quote: long })],
      })),
      disagreements: Array.from({ length: 30 }, () => ({ topic: 'number of troops', values: [{ value: long, sources: ['a'] }] })),
    };
    const m = renderDigestForSlack(digest, { shareButton: true });
    expect(messageProblem({ text: m.text, blocks: m.blocks })).toBeNull();
    expect(m.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    const all = mrkdwnTexts(m).join('\n');
    expect(all).toMatch(/…and \d+ more key points not shown here\./);
    expect(all).toMatch(/…and \d+ more new articles not shown here\./);
    expect(all).toMatch(/…and \d+ more disagreements not shown here\./);
    expect(m.blocks.at(-1)?.type).toBe('actions');
  });

  it('always produces a payload Slack accepts, with no live markup, whatever the text (property)', () => {
    const text = fc.string({
      unit: fc.constantFrom('<', '>', '&', '!', '@', '#', '|', '*', '_', '`', '\n', ' ', 'a', '😀', 'h', 't', 'p', ':', '/'),
      maxLength: 500,
    });
    fc.assert(
      fc.property(
        text,
        fc.array(
          fc.record({
            text,
            quotes: fc.array(fc.record({ quote: text, outlet: fc.option(text), title: text, url: fc.option(fc.oneof(fc.webUrl(), text)), source: text }), {
              maxLength: 8,
            }),
          }),
          { maxLength: 9 },
        ),
        fc.array(fc.record({ title: text, outlet: fc.option(text), source: text }), { maxLength: 6 }),
        fc.array(fc.record({ topic: text, value: text }), { maxLength: 4 }),
        fc.boolean(),
        (headline, ps, fresh, differ, share) => {
          let n = 0;
          const digest: Digest = {
            headline,
            points: ps.map((p) => ({
              text: p.text,
              citations: p.quotes.map((q) => citation(++n, { ...q, title: q.title || 'untitled', source: q.source || 'x.txt' })),
            })),
            new: fresh.map((a) => ({ source: a.source || 'x.txt', title: a.title, outlet: a.outlet, firstSeen: '2026-11-23T07:00:00.000Z', facts: [] })),
            disagreements: differ.map((d) => ({ topic: d.topic || 'x', values: [{ value: d.value, sources: ['a'] }] })),
          };
          const m = renderDigestForSlack(digest, { shareButton: share });
          expect(messageProblem({ text: m.text, blocks: m.blocks })).toBeNull();
          expect(liveMarkup(m)).toEqual([]);
        },
      ),
      { numRuns: 80 },
    );
  }, 20_000);
});
