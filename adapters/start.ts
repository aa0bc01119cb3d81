import type { Config } from '../src/config.ts';
import type { Log } from '../src/log.ts';
import type { Newsdesk } from '../src/newsdesk.ts';
import { startCoverageUpdates } from '../src/coverage/start-coverage-updates.ts';
import { startDiscordBot } from './discord/bot.ts';
import { startSlackApp } from './slack/app.ts';
import { runTerminalChat } from './terminal/chat.ts';

/**
 * Starts newsdesk where its users are: every chat platform whose token is configured, or the
 * terminal chat when none is, with the corpus watched and feeds polled as configured. Platforms run
 * until SIGINT/SIGTERM, then everything shuts down cleanly.
 */

/** Something started that can be stopped. */
interface Running {
  name: string;
  stop(): Promise<void>;
}

/**
 * Runs the configured surfaces and resolves when they have stopped.
 * @param signals - the process to listen on for SIGINT/SIGTERM (injectable for tests)
 * @example await startNewsdesk({ config, desk, log })
 */
export async function startNewsdesk(options: { config: Config; desk: Newsdesk; log: Log; signals?: NodeJS.EventEmitter }): Promise<void> {
  const { config, desk, log } = options;
  const running: Running[] = [];
  // New or changed files in the corpus folder and configured feeds reach the index while running.
  const updates = startCoverageUpdates(config, desk, log);
  running.push({ name: 'coverage', stop: async () => updates.stop() });
  try {
    if (config.DISCORD_TOKEN) running.push({ name: 'discord', ...(await startDiscordBot({ config, desk, log })) });
    if (config.SLACK_BOT_TOKEN) running.push({ name: 'slack', ...(await startSlackApp({ config, desk, log })) });
  } catch (err) {
    await stopAll(running, log);
    throw err;
  }
  if (running.length === 1) {
    await runTerminalChat({ desk });
    await stopAll(running, log);
    return;
  }
  log.info({ platforms: running.filter((r) => r.name !== 'coverage').map((r) => r.name) }, 'newsdesk is running; press Ctrl+C to stop');
  const signals = options.signals ?? process;
  await new Promise<void>((resolve) => {
    const onSignal = (signal: string): void => {
      log.info({ signal }, 'shutting down');
      signals.removeListener('SIGINT', onSignal);
      signals.removeListener('SIGTERM', onSignal);
      resolve();
    };
    signals.on('SIGINT', onSignal);
    signals.on('SIGTERM', onSignal);
  });
  await stopAll(running, log);
}

async function stopAll(running: readonly Running[], log: Log): Promise<void> {
  await Promise.all(
    running.map(async (r) => {
      try {
        await r.stop();
      } catch (err) {
        log.warn({ err, platform: r.name }, 'stopping failed');
      }
    }),
  );
}
