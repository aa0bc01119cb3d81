import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evalCorpusDir, readEvalSet, runEval } from '../../src/tools/eval.ts';
import { openCorpus } from '../../src/index/open-corpus.ts';
import { decodeText } from '../../src/ingest/decode.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SETS = path.join(ROOT, 'test', 'fixtures', 'qa');

/** The bar each development set must clear (share of questions answered as expected). */
const BARS: Record<string, number> = { 'ukraine-call-2021': 0.94, 'paris-attacks-2015': 0.85 };

describe('development question sets', () => {
  for (const file of fs
    .readdirSync(SETS)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const set = readEvalSet(path.join(SETS, file));
    const corpusDir = evalCorpusDir(set, ROOT);
    if (!fs.existsSync(corpusDir)) {
      console.log(`development set ${set.name} skipped (${set.corpus} is not beside the project)`);
      it.skip(`${set.name}: its corpus ${set.corpus} is not on this machine`, () => {});
      continue;
    }
    const { index } = openCorpus(corpusDir);
    const report = runEval(index, set);

    it(`${set.name}: scores at least its bar`, () => {
      const failures = report.outcomes.filter((o) => !o.pass).map((o) => `${o.id} ${o.question}: ${o.problems.join('; ')}`);
      expect(BARS[set.name], `no bar set for ${set.name}`).toBeDefined();
      expect({ score: report.score >= BARS[set.name]!, failures }).toEqual({ score: true, failures: report.score >= BARS[set.name]! ? failures : [] });
    });

    it(`${set.name}: quotes every citation verbatim from the clean text and the source file`, () => {
      const decoded = new Map<string, string>();
      const sourceText = (id: string): string => {
        if (!decoded.has(id)) {
          const result = decodeText(fs.readFileSync(path.join(corpusDir, index.articles.get(id)!.file)));
          decoded.set(id, result.ok ? result.text : '');
        }
        return decoded.get(id)!;
      };
      let checked = 0;
      for (const o of report.outcomes) {
        for (const c of [...o.answer.citations, ...(o.answer.related ?? [])]) {
          const article = index.articles.get(c.source)!;
          expect(article.text.slice(c.start, c.end)).toBe(c.quote);
          expect(sourceText(c.source).includes(c.quote)).toBe(true);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(set.questions.length);
    });

    it(`${set.name}: numbers citations 1…n, at most five, one per outlet`, () => {
      for (const o of report.outcomes) {
        const cs = o.answer.citations;
        expect(cs.map((c) => c.n)).toEqual(cs.map((_, i) => i + 1));
        expect(cs.length).toBeLessThanOrEqual(5);
        const outlets = cs.map((c) => c.outlet ?? `article:${c.source}`);
        expect(new Set(outlets).size).toBe(outlets.length);
      }
    });
  }
});
