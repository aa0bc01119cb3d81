import readline from 'node:readline';
import type { Newsdesk } from '../../src/newsdesk.ts';
import { HELP_COMMANDS, HELP_INTRO, NO_MORE_SOURCES_MESSAGE } from '../../src/messages.ts';
import { renderAnswerText, renderCitationsText } from './render-answer.ts';
import { renderSourceList, renderSourceLookup } from './render-sources.ts';
import { renderDigestText } from './render-digest.ts';

/**
 * The terminal chat: questions in, cited answers out, with the conversation's context kept and the
 * same commands as the chat platforms (/sources, /source X, /digest, /help), plus /more and /quit.
 * Works interactively and with piped stdin (answers every line, then exits).
 */

/** Options of {@link runTerminalChat}. */
export interface TerminalChatOptions {
  desk: Newsdesk;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** Show a prompt and greeting (defaults to "input is a terminal"). */
  interactive?: boolean;
}

/**
 * Runs the chat until the input ends or the user types /quit.
 * @example await runTerminalChat({ desk })
 */
export async function runTerminalChat(options: TerminalChatOptions): Promise<void> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const interactive = options.interactive ?? Boolean((input as NodeJS.ReadStream).isTTY);
  const write = (text: string): void => {
    output.write(`${text}\n`);
  };
  const rl = readline.createInterface({ input, output: interactive ? output : undefined, terminal: interactive, crlfDelay: Infinity });
  const conversationId = `terminal:${process.pid}`;
  let lastQuestion: string | null = null;
  let shown = 0;
  if (interactive) {
    write(`newsdesk — ${options.desk.index.articles.size} articles loaded. Ask a question, or type /help.`);
    rl.setPrompt('> ');
    rl.prompt();
  }
  for await (const raw of rl) {
    const line = raw.trim();
    if (line !== '') {
      const reply = handleLine(options.desk, line, conversationId, { lastQuestion, shown });
      if (reply === null) break;
      write(reply.text);
      if (reply.question !== undefined) {
        lastQuestion = reply.question;
        shown = reply.shown ?? 0;
      } else if (reply.shown !== undefined) shown = reply.shown;
      if (interactive) write('');
    }
    if (interactive) rl.prompt();
  }
  rl.close();
}

interface Reply {
  text: string;
  question?: string | null;
  shown?: number;
}

/** Handles one line: a command or a question. Returns null to quit. */
export function handleLine(desk: Newsdesk, line: string, conversationId: string, state: { lastQuestion: string | null; shown: number }): Reply | null {
  const [command, ...rest] = line.startsWith('/') ? line.slice(1).split(/\s+/) : [];
  const arg = rest.join(' ');
  switch (command?.toLowerCase()) {
    case undefined:
      break;
    case 'quit':
    case 'exit':
      return null;
    case 'help':
    case 'newsdesk':
      return { text: helpText() };
    case 'sources':
      return { text: renderSourceList(desk.listSources()) };
    case 'source':
      return { text: renderSourceLookup(desk.lookupSource(arg)) };
    case 'digest':
      return { text: renderDigestText(desk.digest()) };
    case 'more': {
      if (!state.lastQuestion) return { text: NO_MORE_SOURCES_MESSAGE };
      const more = desk.moreCitations(state.lastQuestion, state.shown, { conversationId });
      return more.length ? { text: renderCitationsText(more), shown: state.shown + more.length } : { text: NO_MORE_SOURCES_MESSAGE };
    }
    case 'ask':
      return ask(desk, arg, conversationId);
    default:
      return { text: `Unknown command /${command}. Type /help for the commands.` };
  }
  return ask(desk, line, conversationId);
}

function ask(desk: Newsdesk, question: string, conversationId: string): Reply {
  const result = desk.ask(question, { conversationId });
  if (!result.ok) return { text: result.message };
  const answer = result.answer;
  return { text: renderAnswerText(answer), question, shown: answer.citations.length || (answer.related?.length ?? 0) };
}

function helpText(): string {
  const lines = [HELP_INTRO, ''];
  for (const c of HELP_COMMANDS.filter((h) => !h.channelOnly)) lines.push(`  /${c.command}${c.argument ? ` ${c.literal ? c.argument : `<${c.argument}>`}` : ''} — ${c.description}`);
  lines.push('  /more — more sources for the last question', '  /quit — leave');
  return lines.join('\n');
}
