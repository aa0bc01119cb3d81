import readline from 'node:readline';
import type { Command } from 'commander';
import { answerWithTrace, notFoundAnswer } from '../../../src/ask/answer.ts';
import { Newsdesk } from '../../../src/app/newsdesk.ts';
import type { Answer } from '../../../src/types.ts';
import { renderAnswerText } from '../../terminal/render-answer.ts';
import { commandConfig, open, type CliContext, type CorpusOptions } from '../context.ts';

/**
 * `newsdesk ask [QUESTION]`: one answer as text or JSON; without a question, questions from stdin one
 * per line and answers as JSON Lines in the same order (the evaluation interface).
 */
export function registerAskCommand(program: Command, ctx: CliContext): void {
  program
    .command('ask')
    .argument('[question...]', 'the question (quote it or not)')
    .option('--corpus <dir>', 'corpus folder (default: CORPUS_DIR)')
    .option('--json', 'print the Answer as JSON')
    .option('--story <id|words>', 'answer within one story (an id from `newsdesk stories`, or headline words)')
    .option('--explain', 'also print how the answer was reached (family, slots, sentences, candidates) as JSON on stderr')
    .action(async (words: string[], opts: CorpusOptions & { explain?: boolean; story?: string }) => {
      const desk = deskFor(ctx, opts);
      if (words.length) {
        const answer = answerOrRefusal(desk, words.join(' '), opts.story);
        if (opts.explain) process.stderr.write(`${JSON.stringify(answerWithTrace(desk.index, answer.question).trace, null, 2)}\n`);
        ctx.out(opts.json ? JSON.stringify(answer, null, 2) : renderAnswerText(answer));
        return;
      }
      // On a terminal, say what is expected instead of waiting silently.
      if (process.stdin.isTTY)
        process.stderr.write('Type one question per line (Ctrl+D to finish); each answer prints as a JSON line. For a conversation, run `newsdesk chat`.\n');
      const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
      for await (const line of rl) ctx.out(JSON.stringify(answerOrRefusal(desk, line, opts.story)));
    });
}

/**
 * A Newsdesk over the command's corpus.
 * @param withState - open the state database (chat surfaces: questions logged for `newsdesk gaps`,
 *   digest subscriptions); one-off and batch asks (evaluation) leave the log alone
 */
export function deskFor(ctx: CliContext, opts: CorpusOptions, withState = false): Newsdesk {
  return Newsdesk.forIndex(open(ctx, opts).index, commandConfig(ctx, opts), ctx.log, withState);
}

/** The answer, or for unusable input a not_found answer carrying the reason in `error`. */
function answerOrRefusal(desk: Newsdesk, question: string, story?: string): Answer & { error?: string } {
  const result = desk.ask(question, story === undefined ? {} : { story });
  if (result.ok) return result.answer;
  return { ...notFoundAnswer(question), error: result.message };
}
