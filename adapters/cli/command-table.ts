import type { Command } from 'commander';
import type { CliContext } from './context.ts';

/**
 * The catalogue of `newsdesk` commands: each name, the description help shows, and the module that
 * defines its arguments and action, loaded only when that command runs (so that `newsdesk --help` or
 * `newsdesk ask` do not load the chat platforms' SDKs, the HTML reader or the scheduler).
 */

/** Registers a module's commands (one module may define two, as `chat` and `start`). */
type CommandRegistrar = (program: Command, ctx: CliContext) => void;

/** One command of the catalogue. */
export interface CommandEntry {
  name: string;
  description: string;
  load: () => Promise<CommandRegistrar>;
}

/** Every command, in the order help lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'index',
    description: 'Read the corpus and save its index snapshot under DATA_DIR (incremental when a snapshot exists).',
    load: async () => (await import('./commands/index-command.ts')).registerIndexCommand,
  },
  {
    name: 'sources',
    description: 'List every article of the corpus with its metadata, and the files that were skipped.',
    load: async () => (await import('./commands/sources-commands.ts')).registerSourcesCommands,
  },
  {
    name: 'source',
    description: 'Show one article: metadata, lead and key passages. Matches an id, an outlet or title words.',
    load: async () => (await import('./commands/sources-commands.ts')).registerSourcesCommands,
  },
  {
    name: 'stories',
    description: 'List the stories of the corpus, largest first: every article belongs to exactly one story.',
    load: async () => (await import('./commands/stories-commands.ts')).registerStoriesCommands,
  },
  {
    name: 'story',
    description: 'Show one story: its headline, outlets, key terms and articles. Matches a story id or headline words.',
    load: async () => (await import('./commands/stories-commands.ts')).registerStoriesCommands,
  },
  {
    name: 'ask',
    description: 'Answer a question with cited quotes. Without QUESTION: read questions from stdin, one per line, and print JSON Lines.',
    load: async () => (await import('./commands/ask-command.ts')).registerAskCommand,
  },
  {
    name: 'chat',
    description: 'Chat with newsdesk in the terminal (context is kept; /help lists commands). Piped stdin works too.',
    load: async () => (await import('./commands/chat-command.ts')).registerChatCommands,
  },
  {
    name: 'start',
    description: 'Start newsdesk: every chat platform whose token is configured, or the terminal chat when none is.',
    load: async () => (await import('./commands/chat-command.ts')).registerChatCommands,
  },
  {
    name: 'eval',
    description: 'Score answers against the question bank in test/fixtures/qa/bank (dev and test stories apart) and the older sets in test/fixtures/qa.',
    load: async () => (await import('./commands/eval-command.ts')).registerEvalCommand,
  },
  {
    name: 'bench',
    description:
      'Measure ingest, index build, snapshot save/load, passages per second and peak memory, against a plain MiniSearch build of the same passages in the same run.',
    load: async () => (await import('./commands/bench-command.ts')).registerBenchCommand,
  },
  {
    name: 'ingest',
    description: 'Add article files, folders, web pages or RSS/Atom feeds to the corpus and update the index.',
    load: async () => (await import('./commands/ingest-command.ts')).registerIngestCommand,
  },
  {
    name: 'digest',
    description:
      'Print the daily briefing: a headline, 3–7 key points cited verbatim, the articles new since --since (default: the last 24 hours) and where outlets disagree.',
    load: async () => (await import('./commands/digest-command.ts')).registerDigestCommand,
  },
  {
    name: 'gaps',
    description: 'List the questions asked in chat that the coverage could not answer (not_found), most asked first, from DATA_DIR/newsdesk.db.',
    load: async () => (await import('./commands/gaps-command.ts')).registerGapsCommand,
  },
  {
    name: 'backup',
    description: 'Copy the state database (DATA_DIR/newsdesk.db) to FILE, consistently, even while the bot runs.',
    load: async () => (await import('./commands/backup-command.ts')).registerBackupCommand,
  },
];
