import { stringify } from 'yaml';
import { CHAT_COMMANDS } from '../../src/wording/commands.ts';
import { SLASH_COMMANDS } from './slash-commands.ts';

/**
 * The Slack app manifest (adapters/slack/manifest.yaml), built from the one command catalogue: the
 * committed file is this function's output (a test checks it), and `npm run slack-manifest` writes it.
 */

/** Where Slack sends events, slash commands and button clicks: Bolt's one endpoint. */
const REQUEST_URL = 'https://YOUR-HOST/slack/events';

/** Commands whose text Slack should escape (it names users or channels): those that take free text. */
const ESCAPED = new Set(['ask', 'source', 'story']);

/** The comment at the top of manifest.yaml: how to install the app and why each scope is there. */
const HEADER = `# Slack app manifest for newsdesk.
# Create the app at https://api.slack.com/apps → "Create New App" → "From an app manifest", pick the
# workspace and paste this file. Then replace every https://YOUR-HOST with the public HTTPS address
# that reaches newsdesk's SLACK_PORT (Bolt's one endpoint, /slack/events, takes events, slash
# commands and button clicks alike).
#
# Socket Mode instead (no public address needed): set socket_mode_enabled to true below, create an
# app-level token with the connections:write scope (Basic Information → App-Level Tokens) and put it
# in SLACK_APP_TOKEN. The request URLs are then ignored by Slack and may stay as they are.
#
# Scopes are the ones the adapter uses and no more:
#   app_mentions:read  receive @newsdesk mentions (app_mention)
#   chat:write         post answers and private replies (chat.postMessage, chat.postEphemeral)
#   commands           the slash commands
#   im:history         receive direct messages (message.im)
#   channels:history   receive replies in the threads newsdesk answered in, in public channels
#   groups:history     the same in private channels
# Without channels:history / groups:history (and the message.channels / message.groups events)
# newsdesk still works, but follow-up questions in a thread must mention it again.
`;

/** The manifest as an object. */
function slackManifest(): Record<string, unknown> {
  return {
    display_information: {
      name: 'newsdesk',
      description: 'Answers questions about the news coverage, quoting the articles word for word.',
      long_description:
        'Mention @newsdesk with a question, send it a direct message, or reply in the thread of one of its answers: it answers from the articles loaded on this newsdesk with numbered, verbatim quotes and says where the outlets agree or differ. /sources lists the articles, /source shows one, /stories lists the stories, /story follows one in a channel, /ask asks privately, /newsdesk help explains the rest.',
      background_color: '#1d3557',
    },
    features: {
      app_home: { home_tab_enabled: false, messages_tab_enabled: true, messages_tab_read_only_enabled: false },
      bot_user: { display_name: 'newsdesk', always_online: true },
      slash_commands: CHAT_COMMANDS.filter((c) => (SLASH_COMMANDS as readonly string[]).includes(`/${c.name}`)).map((c) => ({
        command: `/${c.name}`,
        url: REQUEST_URL,
        description: c.summary,
        ...(c.hint ? { usage_hint: c.hint } : {}),
        should_escape: ESCAPED.has(c.name),
      })),
    },
    oauth_config: { scopes: { bot: ['app_mentions:read', 'chat:write', 'commands', 'im:history', 'channels:history', 'groups:history'] } },
    settings: {
      event_subscriptions: { request_url: REQUEST_URL, bot_events: ['app_mention', 'message.im', 'message.channels', 'message.groups'] },
      interactivity: { is_enabled: true, request_url: REQUEST_URL },
      org_deploy_enabled: false,
      socket_mode_enabled: false,
      token_rotation_enabled: false,
    },
  };
}

/** manifest.yaml as it is committed: the header comment, then the manifest in YAML. */
export function renderSlackManifest(): string {
  return `${HEADER}${stringify(slackManifest(), { lineWidth: 100 })}`;
}
