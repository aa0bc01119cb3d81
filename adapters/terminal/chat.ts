import readline from 'node:readline';
import type { Newsdesk } from '../../src/app/newsdesk.ts';
import { followingStory, HELP_COMMANDS, NO_MORE_SOURCES_MESSAGE, STORY_USAGE, storyNotFound, TERMINAL_HELP_INTRO } from '../../src/wording/messages.ts';
import type { Citation } from '../../src/types.ts';
import { wrapForTerminal } from './wrap.ts';

/** The terminal's one asker, held to the rate limit like any chat user. */
const TERMINAL_USER = 'terminal';
import { renderAnswerText, renderCitationsText } from './render-answer.ts';
import { renderSourceList, renderSourceLookup } from './render-sources.ts';
import { renderDigestText } from './render-digest.ts';
import { renderStoryDetail, renderStoryList } from './render-stories.ts';

/**
 * The terminal chat: questions in, cited answers out, with the conversation's context kept and the
 * same commands as the chat platforms (/sources, /source X, /stories, /story X, /digest, /help), plus /more and /quit.
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
  const columns = (output as NodeJS.WriteStream).isTTY ? (output as NodeJS.WriteStream).columns : undefined;
  const write = (text: string): void => {
    output.write(`${wrapForTerminal(text, columns)}\n`);
  };
  const rl = readline.createInterface({ input, output: interactive ? output : undefined, terminal: interactive, crlfDelay: Infinity });
  const conversationId = `terminal:${process.pid}`;
  const state: ChatState = { pending: [] };
  if (interactive) {
    write(`newsdesk — ${options.desk.index.articles.size} articles loaded. Ask a question, or type /help.`);
    rl.setPrompt('> ');
    rl.prompt();
  }
  let first = true;
  for await (const raw of rl) {
    const line = raw.trim();
    if (line !== '') {
      // Piped questions are echoed, so that a transcript reads as question, answer, question…
      if (!interactive) write(`${first ? '' : '\n'}> ${line}`);
      first = false;
      const reply = handleLine(options.desk, line, conversationId, state);
      if (reply === null) break;
      write(reply.text);
      if (interactive) write('');
    }
    if (interactive) rl.prompt();
  }
  rl.close();
}

/** What the chat remembers between lines: the citations of the last answer not shown yet (/more). */
export interface ChatState {
  pending: Citation[];
}

/** Citations shown with an answer; /more shows the rest. */
const SHOWN_CITATIONS = 3;

interface Reply {
  text: string;
}

/** Handles one line: a command or a question. Returns null to quit. */
export function handleLine(desk: Newsdesk, line: string, conversationId: string, state: ChatState): Reply | null {
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
      return { text: renderSourceLookup(desk.lookupSource(sourceArgument(desk, arg))) };
    case 'digest':
      return { text: renderDigestText(desk.digest()) };
    case 'stories':
      return { text: renderStoryList(desk.stories(), STORIES_LISTED) };
    case 'story':
      return followStory(desk, arg, conversationId);
    case 'more': {
      const more = state.pending.splice(0, SHOWN_CITATIONS);
      return { text: more.length ? renderCitationsText(more) + moreHint(state.pending.length) : NO_MORE_SOURCES_MESSAGE };
    }
    case 'ask':
      return ask(desk, arg, conversationId, state);
    default:
      return { text: `Unknown command /${command}. Type /help for the commands.` };
  }
  return ask(desk, line, conversationId, state);
}

/** Stories /stories lists (the rest are counted). */
const STORIES_LISTED = 10;

/** "/story 2", "/story st-…" or "/story <words>": follow a story; without words, say which one is followed. */
function followStory(desk: Newsdesk, arg: string, conversationId: string): Reply {
  if (arg === '') {
    const followed = desk.followedStory(conversationId);
    return { text: followed ? renderStoryDetail(followed, (id) => desk.index.articles.get(id)?.title ?? id) : STORY_USAGE };
  }
  const query = /^\d+$/.test(arg) ? (desk.stories()[Number(arg) - 1]?.id ?? arg) : arg;
  const story = desk.followStory(conversationId, query);
  return { text: story ? followingStory(story.title) : storyNotFound(arg) };
}

/** "/source 2": the number /sources printed stands for that source's id. */
function sourceArgument(desk: Newsdesk, arg: string): string {
  if (!/^\d+$/.test(arg)) return arg;
  const sources = desk.listSources().sources;
  return sources[Number(arg) - 1]?.id ?? arg;
}

function ask(desk: Newsdesk, question: string, conversationId: string, state: ChatState): Reply {
  const result = desk.ask(question, { conversationId, user: TERMINAL_USER });
  if (!result.ok) return { text: result.message };
  const answer = result.answer;
  state.pending = answer.citations.slice(SHOWN_CITATIONS);
  return { text: renderAnswerText({ ...answer, citations: answer.citations.slice(0, SHOWN_CITATIONS) }) + moreHint(state.pending.length) };
}

function moreHint(left: number): string {
  return left ? `\n(/more for ${left} more source${left === 1 ? '' : 's'})` : '';
}

function helpText(): string {
  const lines = [TERMINAL_HELP_INTRO, ''];
  for (const c of HELP_COMMANDS.filter((h) => !h.channelOnly))
    lines.push(`  /${c.command}${c.argument ? ` ${c.literal ? c.argument : `<${c.argument}>`}` : ''} — ${c.description}`);
  lines.push(
    '  /story <number> — follow a story by its number in /stories',
    '  /story — the story this chat follows',
    '  /source <number> — a source by its number in /sources',
    '  /more — more sources for the last answer',
    '  /quit — leave (or Ctrl+D)',
  );
  return lines.join('\n');
}
