import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  Routes,
  type REST,
  type RESTPutAPIApplicationCommandsJSONBody,
} from 'discord.js';
import { MAX_QUESTION_CHARS } from '../../src/ask/input.ts';
import { HELP_COMMANDS } from '../../src/wording/messages.ts';
import { chatCommand } from '../../src/wording/commands.ts';
import type { CommandUsage } from './render.ts';

/**
 * newsdesk's slash commands: their definitions (the JSON Discord registers), their registration per
 * guild or globally, and their usage lines for the help.
 */

/** Names of the commands and options, shared by the definitions and the handlers. */
export const COMMAND_NAMES = {
  ask: 'ask',
  sources: 'sources',
  source: 'source',
  stories: 'stories',
  story: 'story',
  digest: 'digest',
  newsdesk: 'newsdesk',
  help: 'help',
  question: 'question',
  query: 'query',
  now: 'now',
  subscribe: 'subscribe',
  unsubscribe: 'unsubscribe',
  status: 'status',
  time: 'time',
  timezone: 'timezone',
  topic: 'topic',
} as const;

/** Usable in servers and in direct messages with the bot. */
const CONTEXTS = [InteractionContextType.Guild, InteractionContextType.BotDM];
const INSTALL = [ApplicationIntegrationType.GuildInstall];

/**
 * The slash command definitions: `/ask question:<text>`, `/sources`, `/source query:<text>` (with
 * autocomplete), `/stories`, `/story [query:<text>]`, `/digest now|subscribe [time] [timezone]|unsubscribe|status` and `/newsdesk help`.
 */
export const DISCORD_COMMANDS = [
  {
    type: ApplicationCommandType.ChatInput,
    name: COMMAND_NAMES.ask,
    description: chatCommand(COMMAND_NAMES.ask).summary,
    contexts: CONTEXTS,
    integration_types: INSTALL,
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: COMMAND_NAMES.question,
        description: 'Your question, for example: who requested the call?',
        required: true,
        max_length: MAX_QUESTION_CHARS,
      },
    ],
  },
  {
    type: ApplicationCommandType.ChatInput,
    name: COMMAND_NAMES.sources,
    description: chatCommand(COMMAND_NAMES.sources).summary,
    contexts: CONTEXTS,
    integration_types: INSTALL,
  },
  {
    type: ApplicationCommandType.ChatInput,
    name: COMMAND_NAMES.source,
    description: chatCommand(COMMAND_NAMES.source).summary,
    contexts: CONTEXTS,
    integration_types: INSTALL,
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: COMMAND_NAMES.query,
        description: 'An outlet, words from a title, or an article id.',
        required: true,
        autocomplete: true,
        max_length: 200,
      },
    ],
  },
  {
    type: ApplicationCommandType.ChatInput,
    name: COMMAND_NAMES.stories,
    description: chatCommand(COMMAND_NAMES.stories).summary,
    contexts: CONTEXTS,
    integration_types: INSTALL,
  },
  {
    type: ApplicationCommandType.ChatInput,
    name: COMMAND_NAMES.story,
    description: chatCommand(COMMAND_NAMES.story).summary,
    contexts: CONTEXTS,
    integration_types: INSTALL,
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: COMMAND_NAMES.query,
        description: 'Words of its headline, or its id (leave out to see the story followed).',
        required: false,
        max_length: 200,
      },
    ],
  },
  {
    type: ApplicationCommandType.ChatInput,
    name: COMMAND_NAMES.digest,
    description: chatCommand(COMMAND_NAMES.digest).summary,
    contexts: CONTEXTS,
    // Subscribing a channel is for those who manage it; servers can widen this in their Integrations
    // settings, and the bot checks the member's permissions on every subscription change anyway.
    default_member_permissions: String(PermissionFlagsBits.ManageChannels),
    integration_types: INSTALL,
    options: [
      { type: ApplicationCommandOptionType.Subcommand, name: COMMAND_NAMES.now, description: 'Today’s briefing, shown to you (shareable).' },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: COMMAND_NAMES.subscribe,
        description: 'Post the daily briefing in this channel every day.',
        options: [
          {
            type: ApplicationCommandOptionType.String,
            name: COMMAND_NAMES.time,
            description: 'Time of day, e.g. 08:00 or 7:30am (default 08:00).',
            required: false,
            max_length: 20,
          },
          {
            type: ApplicationCommandOptionType.String,
            name: COMMAND_NAMES.timezone,
            description: 'IANA timezone, e.g. Europe/Paris (default: newsdesk’s).',
            required: false,
            max_length: 64,
          },
          {
            type: ApplicationCommandOptionType.String,
            name: COMMAND_NAMES.topic,
            description: 'Only the stories about this: words of a headline, or a story id.',
            required: false,
            max_length: 100,
          },
        ],
      },
      { type: ApplicationCommandOptionType.Subcommand, name: COMMAND_NAMES.unsubscribe, description: 'Stop the daily briefing in this channel.' },
      { type: ApplicationCommandOptionType.Subcommand, name: COMMAND_NAMES.status, description: 'When this channel gets the daily briefing.' },
    ],
  },
  {
    type: ApplicationCommandType.ChatInput,
    name: COMMAND_NAMES.newsdesk,
    description: chatCommand(COMMAND_NAMES.newsdesk).summary,
    contexts: CONTEXTS,
    integration_types: INSTALL,
    options: [{ type: ApplicationCommandOptionType.Subcommand, name: COMMAND_NAMES.help, description: 'How to use newsdesk.' }],
  },
] as const satisfies RESTPutAPIApplicationCommandsJSONBody;

/**
 * Registers (overwrites) the slash commands: in one guild when `guildId` is given (available at
 * once), globally otherwise (Discord may take a while to show them everywhere).
 * @throws DiscordAPIError when Discord refuses them
 * @example await registerCommands(client.rest, client.application.id, config.DISCORD_GUILD_ID)
 */
export async function registerCommands(rest: REST, applicationId: string, guildId: string | undefined): Promise<void> {
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  await rest.put(route, { body: DISCORD_COMMANDS });
}

/**
 * The help's lines: each command of the shared help list with its Discord usage, e.g.
 * `/ask question:<question>`, `/source query:<outlet or id>`, `/digest subscribe [time:<time>] [timezone:<timezone>]`.
 */
export function discordCommandUsages(): CommandUsage[] {
  const out: CommandUsage[] = [];
  for (const help of HELP_COMMANDS) {
    const def = DISCORD_COMMANDS.find((d) => d.name === help.command);
    if (!def) continue;
    const options: readonly UsageOption[] = 'options' in def ? def.options : [];
    const wanted = help.argument?.split(' ')[0] ?? null;
    const sub = options.find((o) => o.type === ApplicationCommandOptionType.Subcommand && (wanted === null || o.name === wanted));
    const text = options.find((o) => o.type === ApplicationCommandOptionType.String);
    const subOptions = (sub?.options ?? []).map((o) => (o.required ? ` ${o.name}:<${o.name}>` : ` [${o.name}:<${o.name}>]`)).join('');
    const textUsage = text ? `${text.name}:<${help.argument ?? text.name}>` : '';
    const usage = sub ? `/${def.name} ${sub.name}${subOptions}` : text ? `/${def.name} ${text.required ? textUsage : `[${textUsage}]`}` : `/${def.name}`;
    out.push({ usage, description: help.description });
  }
  return out;
}

/** An option as the help reads it: subcommands carry their own options. */
interface UsageOption {
  type: ApplicationCommandOptionType;
  name: string;
  required?: boolean;
  options?: readonly UsageOption[];
}
