import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { handleLine } from '../adapters/terminal/chat.ts';
import { silentLog } from '../src/log.ts';
import { HELP_COMMANDS } from '../src/wording/messages.ts';
import { Newsdesk } from '../src/app/newsdesk.ts';
import { openCorpus } from '../src/index/open-corpus.ts';

/** The shared help list: channel commands (digest subscriptions) are offered on chat platforms only. */

describe('HELP_COMMANDS', () => {
  it('marks the digest subscription commands as channel-only', () => {
    expect(HELP_COMMANDS.filter((c) => c.channelOnly).map((c) => `/${c.command} ${c.argument}`)).toEqual([
      '/digest subscribe [time] [timezone] [topic]',
      '/digest unsubscribe',
      '/digest status',
    ]);
  });

  it('keeps them out of the terminal chat’s help, which has no channel to subscribe', () => {
    const desk = new Newsdesk(openCorpus(path.resolve(import.meta.dirname, '..', 'corpus')).index, { dataDir: null, rateLimitPerMinute: 100, log: silentLog });
    const help = handleLine(desk, '/help', 'terminal:help', { pending: [] })?.text ?? '';
    expect(help).toContain('  /digest — Today’s briefing.');
    expect(help).not.toContain('subscribe');
  });
});
