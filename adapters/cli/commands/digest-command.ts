import type { Command } from 'commander';
import { buildDigest } from '../../../src/digest/build-digest.ts';
import { parseSince } from '../../../src/digest/parse-since.ts';
import { readFirstSeen } from '../../../src/ingest/first-seen.ts';
import { renderDigestText } from '../../terminal/render-digest.ts';
import { open, type CliContext, type CorpusOptions } from '../context.ts';

/** Options of `newsdesk digest`. */
interface DigestOptions extends CorpusOptions {
  since?: string;
}

/**
 * `newsdesk digest`: the briefing of the corpus (headline, cited key points, what is new, where
 * outlets differ) as text, or the JSON contract with --json.
 */
export function registerDigestCommand(program: Command, ctx: CliContext): void {
  program
    .command('digest')
    .option('--corpus <dir>', 'corpus folder (default: CORPUS_DIR)')
    .option('--since <date>', 'list articles first seen after this ISO date or date-time (default: 24 hours ago)')
    .option('--json', 'print the digest JSON contract { headline, points, new, disagreements }')
    .action((opts: DigestOptions) => {
      const since = opts.since === undefined ? null : parseSince(opts.since);
      const { index } = open(ctx, opts);
      const digest = buildDigest(
        index,
        { since, firstSeen: readFirstSeen(ctx.config.DATA_DIR), now: new Date(), maxStories: ctx.config.DIGEST_STORIES },
        ctx.log,
      );
      ctx.out(opts.json ? JSON.stringify(digest, null, 2) : renderDigestText(digest));
    });
}
