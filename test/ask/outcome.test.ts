import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../src/ask/extract/candidate.ts';
import { preferOutcomes } from '../../src/ask/extract/outcome.ts';
import { scoredSentence, slotOf } from './scored.ts';

function candidate(value: string, text: string): Candidate {
  return { key: value.toLowerCase(), value, mention: value, sentence: scoredSentence(text, { published: null }), confidence: 1 };
}

const slot = slotOf;

const confidences = (cs: Candidate[]) => cs.map((c) => [c.value, c.confidence]);

describe('preferOutcomes', () => {
  const won = [slot('won', ['won', 'win', 'winner']), slot('best'), slot('director')];
  const award = [
    candidate('Scorsese', 'The Aviator is widely tipped to win the best director prize for Martin Scorsese.'),
    candidate('Scorsese', 'Five of the eight critics tipped Scorsese to win best director.'),
    candidate('Eastwood', 'Clint Eastwood won best director for Million Dollar Baby.'),
  ];

  it('lowers what a sentence only forecasts when the question asks what happened (an award, a transfer, a launch)', () => {
    expect(confidences(preferOutcomes(award, 'who won best director?', won))).toEqual([
      ['Scorsese', 0.6],
      ['Scorsese', 0.6],
      ['Eastwood', 1],
    ]);
    const signed = [candidate('Chelsea', 'Chelsea are expected to sign the striker.'), candidate('Milan', 'Milan signed the striker on Monday.')];
    expect(confidences(preferOutcomes(signed, 'which club signed the striker?', [slot('signed', ['signed', 'sign']), slot('striker')]))).toEqual([
      ['Chelsea', 0.6],
      ['Milan', 1],
    ]);
    const launch = [candidate('March', 'Sony could launch the console in March.'), candidate('December', 'Sony launched the console in December.')];
    expect(confidences(preferOutcomes(launch, 'when did sony launch the console?', [slot('launch'), slot('console')]))).toEqual([
      ['March', 0.6],
      ['December', 1],
    ]);
  });

  it('leaves them alone when the question asks about the forecast, or about what is planned', () => {
    expect(confidences(preferOutcomes(award, 'who is expected to win best director?', won))).toEqual([
      ['Scorsese', 1],
      ['Scorsese', 1],
      ['Eastwood', 1],
    ]);
    // "…their chances of winning": the chances are the forecast asked about.
    expect(confidences(preferOutcomes(award, "what did the critics say about scorsese's chances of winning best director?", won))).toEqual([
      ['Scorsese', 1],
      ['Scorsese', 1],
      ['Eastwood', 1],
    ]);
    const meeting = [candidate('May 25', 'The request will be considered at the meeting on May 25.')];
    expect(confidences(preferOutcomes(meeting, 'when is the meeting where the request gets considered?', [slot('considered'), slot('meeting')]))).toEqual([
      ['May 25', 1],
    ]);
  });

  it('keeps a sentence that also tells the verb as an outcome', () => {
    const both = [candidate('Eastwood', 'Eastwood, tipped to win for months, won best director.')];
    expect(confidences(preferOutcomes(both, 'who won best director?', won))).toEqual([['Eastwood', 1]]);
  });
});
