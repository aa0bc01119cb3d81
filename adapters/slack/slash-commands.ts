import type { App, RespondFn } from '@slack/bolt';
import type { Log } from '../../src/log.ts';
import { DIGEST_COMMAND_USAGE, DIGEST_MANAGERS_ONLY_SLACK, STORY_USAGE, followingStory, storyNotFound } from '../../src/wording/messages.ts';
import { cutPlain } from './block-kit.ts';
import { askForSlack, failureMessage } from './answer-flow.ts';
import type { SlackMessage } from './block-kit.ts';
import type { SlackDesk } from './desk-port.ts';
import { renderDigestForSlack } from './render-digest.ts';
import { renderHelpForSlack, renderNoticeForSlack } from './render.ts';
import { SLACK_PLATFORM, parseDigestCommand, type DigestCommand } from './digest-command.ts';
import { respondPrivately } from './replies.ts';
import { renderSourceListForSlack, renderSourceLookupForSlack, renderStoryListForSlack } from './render-sources.ts';
import { slackTextToPlain } from './slack-text.ts';

/**
 * The slash commands: `/ask <question>`, `/sources`, `/source <outlet or id>`, `/stories`, `/story <words>`,
 * `/digest [subscribe [time] [timezone] | unsubscribe | status]` and `/newsdesk help`. Each acknowledges at once (Slack allows 3 seconds), then answers privately
 * through the command's response_url; `/ask` and `/digest` replies carry a "Share in channel" button.
 */

/** What the command listeners share. */
export interface CommandDeps {
  desk: SlackDesk;
  log: Log;
  track: <T>(work: Promise<T>) => Promise<T>;
  /** Whether a user may change a channel's daily briefing (workspace admins and owners, the allow-list). */
  mayManageDigests: (userId: string) => Promise<boolean>;
}

/** The slash command names, as declared in manifest.yaml. */
export const SLASH_COMMANDS = ['/ask', '/sources', '/source', '/stories', '/story', '/digest', '/newsdesk'] as const;

type SlashCommand = (typeof SLASH_COMMANDS)[number];

interface CommandInput {
  text: string;
  userId: string;
  channelId: string;
}

/**
 * Registers every slash command listener.
 * @param app - the Bolt app
 * @param deps - desk, logger and the in-flight tracker
 */
export function registerSlashCommands(app: App, deps: CommandDeps): void {
  // Slack gives every invocation its own trigger_id: a second delivery of one (a retry, even after a
  // restart: the ids are kept in the state database) is acknowledged and not answered again.
  for (const name of SLASH_COMMANDS) {
    app.command(name, async ({ command, ack, respond }) => {
      await ack();
      if (command.trigger_id && !deps.desk.firstDelivery(`slack-trigger:${command.trigger_id}`)) {
        deps.log.info({ command: name, trigger: command.trigger_id }, 'repeated delivery of an answered slash command; ignored');
        return;
      }
      await nextTick();
      const input: CommandInput = { text: command.text ?? '', userId: command.user_id, channelId: command.channel_id };
      await deps.track(runCommand(deps, name, input, respond));
    });
  }
}

async function runCommand(deps: CommandDeps, name: SlashCommand, input: CommandInput, respond: RespondFn): Promise<void> {
  try {
    await respondPrivately(respond, await commandReply(deps, name, input));
  } catch (err) {
    deps.log.error({ err, command: name, channel: input.channelId }, 'slash command failed');
    try {
      await respondPrivately(respond, failureMessage());
    } catch (again) {
      deps.log.warn({ err: again, command: name }, 'could not send the failure notice either');
    }
  }
}

async function commandReply(deps: CommandDeps, name: SlashCommand, input: CommandInput): Promise<SlackMessage> {
  const text = slackTextToPlain(input.text, null);
  switch (name) {
    case '/ask': {
      const outcome = await askForSlack(deps.desk, deps.log, {
        question: text,
        userId: input.userId,
        conversationId: `slack:${input.channelId}:${input.userId}:ask`,
        channelId: `slack:${input.channelId}`,
        showQuestion: true,
        shareButton: true,
      });
      return outcome.message;
    }
    case '/sources':
      return renderSourceListForSlack(await deps.desk.listSources());
    case '/source':
      return renderSourceLookupForSlack(await deps.desk.lookupSource(text));
    case '/stories':
      return renderStoryListForSlack(await deps.desk.stories());
    case '/story':
      return storyReply(deps, text, `slack:${input.channelId}`);
    case '/digest':
      return digestReply(deps, parseDigestCommand(text), input.channelId, input.userId);
    case '/newsdesk':
      return renderHelpForSlack();
  }
}

/**
 * `/story <words>`: the channel follows the story (questions asked in it, in threads or with /ask, are
 * answered from its coverage); `/story` alone says which story the channel follows.
 */
async function storyReply(deps: CommandDeps, text: string, channelKey: string): Promise<SlackMessage> {
  const query = text.trim();
  if (query === '') {
    const followed = await deps.desk.followedStory(channelKey, 'channel');
    return renderNoticeForSlack(followed ? followingStory(followed.title) : STORY_USAGE);
  }
  const story = await deps.desk.followStory(channelKey, query, 'channel');
  return renderNoticeForSlack(story ? followingStory(story.title) : storyNotFound(cutPlain(query, 200)));
}

/** Today's briefing (shareable), or the reply of a subscription command for the channel. */
async function digestReply(deps: CommandDeps, command: DigestCommand, channel: string, userId: string): Promise<SlackMessage> {
  if ((command.kind === 'subscribe' || command.kind === 'unsubscribe') && !(await deps.mayManageDigests(userId))) {
    return renderNoticeForSlack(DIGEST_MANAGERS_ONLY_SLACK);
  }
  switch (command.kind) {
    case 'now':
      return renderDigestForSlack(await deps.desk.digest({ platform: SLACK_PLATFORM, channel }), { shareButton: true });
    case 'subscribe':
      return renderNoticeForSlack((await deps.desk.subscribe(SLACK_PLATFORM, channel, command.time, command.timezone, new Date(), command.topic)).message);
    case 'unsubscribe':
      return renderNoticeForSlack((await deps.desk.unsubscribe(SLACK_PLATFORM, channel)).message);
    case 'status':
      return renderNoticeForSlack((await deps.desk.subscriptionStatus(SLACK_PLATFORM, channel)).message);
    case 'unknown':
      return renderNoticeForSlack(DIGEST_COMMAND_USAGE);
  }
}

/** Lets the acknowledgement go out before any slow work starts. */
function nextTick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
