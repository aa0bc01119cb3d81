import path from 'node:path';
import type { Config } from '../../src/config.ts';
import type { Log } from '../../src/log.ts';
import { openCorpus, type OpenedCorpus } from '../../src/index/open-corpus.ts';
import { createProgress } from './progress.ts';

/**
 * What every `newsdesk` command receives, and the corpus helpers the corpus commands share.
 */

/** Shared options of the subcommands that read a corpus. */
export interface CorpusOptions {
  corpus?: string;
  json?: boolean;
}

/** Everything a subcommand needs: configuration and logger. */
export interface CliContext {
  config: Config;
  log: Log;
  out: (text: string) => void;
}

/**
 * The configuration a command runs with: `--corpus DIR` replaces CORPUS_DIR everywhere (the index, the
 * watcher, the feed poller's output folder), not only where the index is opened.
 */
export function commandConfig(ctx: CliContext, opts: CorpusOptions): Config {
  return opts.corpus ? { ...ctx.config, CORPUS_DIR: path.resolve(opts.corpus) } : ctx.config;
}

/** The corpus folder for a command: `--corpus` or CORPUS_DIR. */
export function corpusDir(ctx: CliContext, opts: CorpusOptions): string {
  return commandConfig(ctx, opts).CORPUS_DIR;
}

/** Opens the corpus for a command, with a progress line on a terminal. */
export function open(ctx: CliContext, opts: CorpusOptions): OpenedCorpus {
  const progress = createProgress('reading files');
  try {
    return openCorpus(corpusDir(ctx, opts), {
      dataDir: ctx.config.DATA_DIR,
      maxFileBytes: ctx.config.MAX_FILE_BYTES,
      log: ctx.log,
      onProgress: (done, total) => progress.update(done, total),
    });
  } finally {
    progress.done();
  }
}
