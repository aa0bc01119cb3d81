import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIGEST_BUDGET, renderDigestForDiscord } from '../../adapters/discord/render-digest.ts';
import { DISCORD_LIMITS, embedLength } from '../../adapters/discord/render.ts';
import type { Digest } from '../../src/digest/types.ts';
import { DIGEST_LABELS } from '../../src/wording/messages.ts';
import type { Citation } from '../../src/types.ts';
import { validateMessageBody } from './fake-discord.ts';

/**
 * renderDigestForDiscord is pure: the digests in test/fixtures/discord/digest.json (the briefing of
 * corpus/, a hostile one and an empty one) render exactly as the saved payloads, and any digest, however
 * long or hostile, gives a message Discord accepts with nothing that pings.
 */

const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures', 'discord');
const readFixture = <T>(name: string): T => JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8')) as T;
const digests = readFixture<Record<'corpus' | 'hostile' | 'empty', Digest>>('digest.json');

function apiBody(payload: ReturnType<typeof renderDigestForDiscord>): Record<string, unknown> {
  return { content: payload.content, embeds: payload.embeds, components: payload.components, allowed_mentions: payload.allowedMentions };
}

function citation(n: number, over: Partial<Citation> = {}): Citation {
  return { n, source: `00${n}_a.txt`, outlet: 'WEKU', title: `Title ${n}`, date: '2021-12-31', url: null, quote: `Quote ${n}.`, start: 0, end: 5, ...over };
}

describe('renderDigestForDiscord', () => {
  for (const name of ['corpus', 'hostile', 'empty'] as const) {
    it(`renders the ${name} digest as the saved payload`, () => {
      const payload = renderDigestForDiscord(digests[name]);
      expect(payload).toEqual(readFixture(`digest-${name}.payload.json`));
      expect(validateMessageBody(apiBody(payload), true)).toEqual([]);
    });
  }

  it('shows the headline, the numbered key points with their citation numbers, where outlets differ and what is new', () => {
    const [main, differ, fresh] = renderDigestForDiscord(digests.corpus).embeds;
    expect(main?.title).toBe(DIGEST_LABELS.title);
    expect(main?.description?.split('\n').slice(0, 4)).toEqual([
      '**Biden again calls on Putin to de-escalate tensions along Ukraine border**',
      '',
      '**Key points**',
      expect.stringMatching(/^\*\*1\.\*\* President Joe Biden on Thursday urged .* \\\[1\\\]\\\[2\\\]\\\[3\\\]\\\[4\\\]\\\[5\\\]$/),
    ]);
    expect(main?.fields?.[1]).toEqual({
      name: '[2] The Epoch Times',
      value: expect.stringMatching(
        /^\*White House: Biden Calls For De-Escalation On Call With Putin\* · 2021-12-30 · `001_ae44a968ee4ee127\.txt`\n> On the call, Biden urged Putin/,
      ),
    });
    expect(differ?.title).toBe(DIGEST_LABELS.disagreements);
    expect(differ?.description).toContain('Number of troops: 100,000 troops (3 sources)');
    expect(fresh?.title).toBe(DIGEST_LABELS.new);
  });

  it('leaves out the quote of a citation that is the point’s own sentence, shown in full above', () => {
    const field = renderDigestForDiscord(digests.corpus).embeds[0]?.fields?.[0];
    expect(field).toEqual({
      name: '[1] WASHINGTON President Joe Biden on Thursday urged President Vladimir Putin to “defuse…',
      value: '2021-12-31 · `000_7c4e71be4a13ea11.txt`',
    });
  });

  it('links a title only to an http(s) URL, with parentheses percent-encoded', () => {
    const fields = renderDigestForDiscord(digests.hostile).embeds[0]?.fields ?? [];
    expect(fields[0]?.value.startsWith('[Title \\*with\\* \\_marks\\_ & \\<@U123>](https://example.com/a_%28b%29?x=1&y=%3C2%3E)')).toBe(true);
    expect(fields[1]?.value).not.toContain('javascript:');
  });

  it('cuts a huge digest to Discord’s limits, counting the points and citations left out', () => {
    const long = 'word '.repeat(400);
    const points = Array.from({ length: 12 }, (_, i) => ({
      text: `${i} ${long}`,
      citations: Array.from({ length: 5 }, (_, j) => citation(i * 5 + j + 1, { quote: long, outlet: `Outlet ${j}` })),
    }));
    const digest: Digest = {
      headline: long,
      points,
      new: Array.from({ length: 40 }, (_, i) => ({
        source: `${i}.txt`,
        title: long,
        outlet: 'X',
        firstSeen: '2026-11-23T07:00:00.000Z',
        facts: [citation(100 + i, { quote: long })],
      })),
      disagreements: Array.from({ length: 20 }, () => ({ topic: 'number of troops', values: [{ value: long, sources: ['a'] }] })),
    };
    const payload = renderDigestForDiscord(digest);
    expect(validateMessageBody(apiBody(payload), true)).toEqual([]);
    const [main, differ, fresh] = payload.embeds;
    expect(main?.description?.length).toBeLessThanOrEqual(DIGEST_BUDGET.points);
    expect(main?.description).toMatch(/…and \d+ more key points not shown here\.$/);
    expect(main?.footer?.text).toMatch(/^…and \d+ more citations not shown here\.$/);
    expect(differ?.description).toMatch(/…and \d+ more disagreements not shown here\.$/);
    expect(fresh?.description).toMatch(/…and \d+ more new articles not shown here\.$/);
    expect(payload.embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
  });

  it('says there is nothing new and nothing to brief on for an empty digest', () => {
    const [main, fresh] = renderDigestForDiscord(digests.empty).embeds;
    expect(main?.description).toBe(`**Coverage (0 articles)**\n\n${DIGEST_LABELS.noPoints}`);
    expect(fresh?.description).toBe(DIGEST_LABELS.noNew);
  });

  it('always gives a payload Discord accepts, with mentions disabled and no live mention, whatever the text (property)', () => {
    const text = fc.string({
      unit: fc.constantFrom('<', '@', 'everyone', 'here', '#', '>', '*', '_', '`', '[', ']', '(', ')', '\n', ' ', 'a', '😀', '\\'),
      maxLength: 600,
    });
    fc.assert(
      fc.property(
        text,
        fc.array(
          fc.record({
            text,
            quotes: fc.array(fc.record({ quote: text, outlet: fc.option(text), title: text, url: fc.option(fc.oneof(fc.webUrl(), text)) }), { maxLength: 8 }),
          }),
          { maxLength: 9 },
        ),
        fc.array(fc.record({ title: text, outlet: fc.option(text) }), { maxLength: 6 }),
        fc.array(fc.record({ topic: text, value: text }), { maxLength: 4 }),
        (headline, ps, fresh, differ) => {
          let n = 0;
          const digest: Digest = {
            headline,
            points: ps.map((p) => ({ text: p.text, citations: p.quotes.map((q) => citation(++n, { ...q, title: q.title || 'untitled' })) })),
            new: fresh.map((a, i) => ({ source: `${i}.txt`, title: a.title, outlet: a.outlet, firstSeen: '2026-11-23T07:00:00.000Z', facts: [] })),
            disagreements: differ.map((d) => ({ topic: d.topic || 'x', values: [{ value: d.value, sources: ['a'] }] })),
          };
          const payload = renderDigestForDiscord(digest);
          expect(validateMessageBody(apiBody(payload), true)).toEqual([]);
          expect(payload.allowedMentions).toEqual({ parse: [] });
          for (const e of payload.embeds) {
            for (const t of [e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value])]) {
              expect(t).not.toMatch(/(^|[^\\])<[@#]/);
              expect(t).not.toMatch(/@(everyone|here)/);
            }
          }
        },
      ),
      { numRuns: 80 },
    );
  }, 20_000);
});
