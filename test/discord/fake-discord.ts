import http from 'node:http';
import { EventEmitter } from 'node:events';
import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  ApplicationCommandType,
  ChannelType,
  ComponentType,
  GatewayDispatchEvents,
  GatewayIntentBits,
  GatewayOpcodes,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  MessageType,
  type APIChannel,
  type APIDMChannel,
  type APIEmbed,
  type APIThreadChannel,
  type ChannelFlags,
  type GuildMemberFlags,
  type ThreadMemberFlags,
  type APIGuildMember,
  type APIMessage,
  type APIUser,
} from 'discord.js';

/**
 * A protocol-faithful Discord on loopback, for driving the real discord.js client in tests.
 *
 * REST (`http://127.0.0.1:PORT/api/v10/…`, what `rest: { api }` points discord.js at): the gateway
 * lookup (`GET /gateway/bot`), `/users/@me`, application command registration, interaction callbacks
 * (`POST /interactions/:id/:token/callback`, refused after Discord's 3-second deadline), webhook
 * follow-ups and edits, channel messages, threads and typing. Every call is recorded with its method,
 * path, query, body and status. Bodies are checked against Discord's limits and refused with Discord's
 * errors (50035 Invalid Form Body, 50006 empty message, 40060 already acknowledged, 10062 unknown
 * interaction), and a 429 with Discord's headers can be injected on the next call to a route.
 *
 * Gateway (WebSocket on the same port, JSON text frames): HELLO (op 10) on connect, IDENTIFY (op 2)
 * checked against the token and answered with READY (local `resume_gateway_url`, application, user,
 * the guild as unavailable) then GUILD_CREATE; heartbeats (op 1) acknowledged (op 11); RESUME (op 6)
 * answered with RESUMED. Test-driven MESSAGE_CREATE and INTERACTION_CREATE dispatches honour the
 * client's intents as Discord does (no guild messages without GUILD_MESSAGES, no DMs without
 * DIRECT_MESSAGES, and message content blanked without MESSAGE_CONTENT unless the bot is mentioned,
 * the message is a DM, or the bot wrote it).
 */

/** One REST call the fake received. */
export interface RecordedCall {
  method: string;
  /** Path after `/api/v10`, e.g. `/channels/1100000000000000200/messages`. */
  path: string;
  query: Record<string, string>;
  /** The parsed JSON body, or null. */
  body: any;
  authorization: string | null;
  status: number;
  /** `Date.now()` when the request arrived. */
  at: number;
}

/** A frame the client sent on the gateway. */
export interface GatewayFrame {
  op: number;
  d: any;
}

/** Who would be notified by a message the bot sent, given its content and `allowed_mentions`. */
export interface Ping {
  messageId: string;
  target: string;
}

/** Options of {@link FakeDiscord.start}. */
export interface FakeDiscordOptions {
  token: string;
  applicationId: string;
  guildId: string;
  channelId: string;
  heartbeatIntervalMs: number;
  /** Discord refuses an interaction's first response after 3 seconds. */
  interactionDeadlineMs: number;
}

/** Ids and token the fake uses unless told otherwise. */
const FAKE_DISCORD_DEFAULTS = {
  token: 'MTEwMDAwMDAwMDAwMDAwMDAx.GfAkeD.fake-discord-token-for-tests-only',
  applicationId: '1100000000000000001',
  guildId: '1100000000000000100',
  channelId: '1100000000000000200',
  heartbeatIntervalMs: 41_250,
  interactionDeadlineMs: 3_000,
} as const satisfies FakeDiscordOptions;

interface StoredInteraction {
  id: string;
  token: string;
  type: InteractionType;
  createdAt: number;
  channelId: string;
  user: APIUser;
  acknowledged: boolean;
  originalId: string | null;
  /** The message a component was clicked on. */
  messageId: string | null;
}

interface InjectedRateLimit {
  method: string;
  path: RegExp;
  retryAfterSeconds: number;
  global: boolean;
}

interface Session {
  ws: WebSocket;
  identified: boolean;
  intents: number;
  seq: number;
  sessionId: string;
}

type Reply = { status: number; body?: unknown };
type Handler = (params: string[], body: any, call: RecordedCall) => Reply;
interface Route {
  method: string;
  pattern: RegExp;
  template: string;
  auth: boolean;
  handler: Handler;
}

/**
 * The fake Discord. Start it, point discord.js at {@link FakeDiscord.apiUrl}, drive users with
 * {@link FakeDiscord.userSays}, {@link FakeDiscord.slashCommand}, {@link FakeDiscord.autocomplete} and
 * {@link FakeDiscord.clickButton}, and assert on {@link FakeDiscord.calls}. Always {@link FakeDiscord.close} it.
 */
/** An everyday member's guild permissions as Discord sends them (view, send, read history…; not Manage Channels). */
const MEMBER_PERMISSIONS = 1071698660929n;
/** A member who may also manage channels (Manage Channels, 1 << 4). */
export const CHANNEL_MANAGER_PERMISSIONS = MEMBER_PERMISSIONS | 16n;

export class FakeDiscord {
  readonly options: FakeDiscordOptions;
  readonly calls: RecordedCall[] = [];
  readonly frames: GatewayFrame[] = [];
  readonly pings: Ping[] = [];
  readonly bot: APIUser;
  readonly users = new Map<string, APIUser>();
  /** Guild permissions of each member in interactions (an everyday member's when unset). */
  private readonly memberPermissions = new Map<string, bigint>();
  /** Messages created with a nonce, by channel and nonce (enforce_nonce returns them). */
  private readonly nonces = new Map<string, APIMessage>();
  readonly channels = new Map<string, APIChannel>();
  readonly messages = new Map<string, APIMessage>();
  /** Registered commands by scope: 'global' or a guild id. */
  readonly commands = new Map<string, any[]>();
  private readonly interactions = new Map<string, StoredInteraction>();
  private readonly sessions = new Set<Session>();
  /** Closed sessions a client may resume, by session id. */
  private readonly pastSessions = new Map<string, Pick<Session, 'sessionId' | 'intents' | 'seq'>>();
  private readonly rateLimits: InjectedRateLimit[] = [];
  private readonly events = new EventEmitter();
  private readonly routes: Route[];
  private nextSnowflake = 1100000000000001000n;
  private port = 0;

  private constructor(
    options: FakeDiscordOptions,
    private readonly server: http.Server,
    private readonly wss: WebSocketServer,
  ) {
    this.options = options;
    this.bot = { id: options.applicationId, username: 'newsdesk', discriminator: '0', global_name: null, avatar: null, bot: true };
    this.users.set(this.bot.id, this.bot);
    this.channels.set(options.channelId, {
      id: options.channelId,
      type: ChannelType.GuildText,
      guild_id: options.guildId,
      name: 'newsroom',
      position: 0,
      permission_overwrites: [],
      nsfw: false,
      topic: null,
      last_message_id: null,
      rate_limit_per_user: 0,
      parent_id: null,
      default_auto_archive_duration: 1440,
    } as APIChannel);
    this.routes = this.buildRoutes();
  }

  /**
   * Starts the fake on 127.0.0.1 and a random port.
   * @example const fake = await FakeDiscord.start(); new Client({ rest: { api: fake.apiUrl }, intents: [] })
   */
  static async start(options: Partial<FakeDiscordOptions> = {}): Promise<FakeDiscord> {
    const server = http.createServer();
    const wss = new WebSocketServer({ noServer: true });
    const fake = new FakeDiscord({ ...FAKE_DISCORD_DEFAULTS, ...options }, server, wss);
    server.on('request', (req, res) => void fake.onRequest(req, res));
    server.on('upgrade', (req, socket, head) => {
      wss.handleUpgrade(req, socket, head, (ws) => fake.onConnection(ws, req));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake.port = (server.address() as AddressInfo).port;
    return fake;
  }

  /** The REST base to give discord.js (`rest: { api }`). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** The gateway URL `GET /gateway/bot` hands out. */
  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** Gateway sessions that completed IDENTIFY and are still open. */
  get connectedSessions(): number {
    return [...this.sessions].filter((s) => s.identified && s.ws.readyState === s.ws.OPEN).length;
  }

  /** Closes every connection and the server. */
  async close(): Promise<void> {
    for (const s of this.sessions) s.ws.terminate();
    this.sessions.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.events.removeAllListeners();
  }

  // ── Driving users ───────────────────────────────────────────────────────────────────────────

  /** Adds a human user. */
  addUser(username: string, options: { permissions?: bigint } = {}): APIUser {
    const user: APIUser = { id: this.snowflake(), username, discriminator: '0', global_name: username, avatar: null };
    this.users.set(user.id, user);
    if (options.permissions !== undefined) this.memberPermissions.set(user.id, options.permissions);
    return user;
  }

  /** Creates a text channel in the guild (CHANNEL_CREATE is dispatched) and returns its id. */
  addTextChannel(name: string): string {
    const id = this.snowflake();
    const channel = { ...this.channels.get(this.options.channelId)!, id, name, position: this.channels.size } as APIChannel;
    this.channels.set(id, channel);
    this.dispatch(GatewayDispatchEvents.ChannelCreate, channel, GatewayIntentBits.Guilds);
    return id;
  }

  /** Deletes a channel (CHANNEL_DELETE is dispatched): requests about it get 10003 Unknown Channel from now on. */
  deleteChannel(id: string): void {
    const channel = this.channels.get(id);
    if (!channel) return;
    this.channels.delete(id);
    this.dispatch(GatewayDispatchEvents.ChannelDelete, channel, GatewayIntentBits.Guilds);
  }

  /** Opens (or returns) the DM channel between a user and the bot. */
  openDm(user: APIUser): string {
    for (const c of this.channels.values()) {
      if (c.type === ChannelType.DM && c.recipients?.some((r) => r.id === user.id)) return c.id;
    }
    const id = this.snowflake();
    const dm: APIDMChannel = { id, type: ChannelType.DM, name: null, last_message_id: null, recipients: [user], flags: 0 as ChannelFlags };
    this.channels.set(id, dm);
    return id;
  }

  /**
   * A user posts a message: stored, and dispatched as MESSAGE_CREATE to sessions whose intents
   * allow it, with the content blanked as Discord does without MESSAGE_CONTENT.
   * @param replyTo - id of a message this one replies to (pinging its author, as Discord's default)
   */
  userSays(from: APIUser, channelId: string, content: string, replyTo?: string): APIMessage {
    const channel = this.requireChannel(channelId);
    const guildId = 'guild_id' in channel ? channel.guild_id : undefined;
    const referenced = replyTo ? this.messages.get(replyTo) : undefined;
    if (replyTo && !referenced) throw new Error(`no message ${replyTo} to reply to`);
    const mentionIds = new Set([...content.matchAll(/<@!?(\d{17,20})>/g)].map((m) => m[1]!));
    if (referenced) mentionIds.add(referenced.author.id);
    const mentions = [...mentionIds].map((id) => this.users.get(id)).filter((u): u is APIUser => u !== undefined);
    const message = {
      id: this.snowflake(),
      channel_id: channelId,
      author: from,
      content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions,
      mention_roles: [],
      attachments: [],
      embeds: [],
      pinned: false,
      type: referenced ? MessageType.Reply : MessageType.Default,
      flags: 0 as MessageFlags,
      components: [],
      ...(referenced
        ? {
            message_reference: { type: 0, message_id: referenced.id, channel_id: referenced.channel_id, ...(guildId ? { guild_id: guildId } : {}) },
            referenced_message: referenced,
          }
        : {}),
    } as APIMessage;
    this.messages.set(message.id, message);
    const extra = { channel_type: channel.type, ...(guildId ? { guild_id: guildId, member: this.memberOf(from) } : {}) };
    const needed = guildId ? GatewayIntentBits.GuildMessages : GatewayIntentBits.DirectMessages;
    for (const s of this.sessions) {
      if (!s.identified || (s.intents & needed) === 0) continue;
      const sees = (s.intents & GatewayIntentBits.MessageContent) !== 0 || !guildId || mentionIds.has(this.bot.id) || from.id === this.bot.id;
      const visible = sees ? message : { ...message, content: '', embeds: [], attachments: [], components: [] };
      this.send(s, { op: GatewayOpcodes.Dispatch, t: GatewayDispatchEvents.MessageCreate, d: { ...visible, ...extra } });
    }
    return message;
  }

  /**
   * A user runs a registered slash command.
   * @param options - the command's options as Discord sends them, e.g. `[{ name: 'question', type: 3, value: '…' }]`
   * @throws Error when the command is not registered where the user is (Discord would not offer it)
   */
  slashCommand(from: APIUser, channelId: string, name: string, options: unknown[] = []): StoredInteraction {
    const command = this.findCommand(name, channelId);
    return this.createInteraction(InteractionType.ApplicationCommand, from, channelId, {
      id: command.id,
      name,
      type: ApplicationCommandType.ChatInput,
      ...(options.length ? { options } : {}),
      ...(command.guild_id ? { guild_id: command.guild_id } : {}),
    });
  }

  /** A user types in an autocompleted option: `focused` is the option being typed. */
  autocomplete(from: APIUser, channelId: string, name: string, focused: { name: string; value: string }): StoredInteraction {
    const command = this.findCommand(name, channelId);
    return this.createInteraction(InteractionType.ApplicationCommandAutocomplete, from, channelId, {
      id: command.id,
      name,
      type: ApplicationCommandType.ChatInput,
      options: [{ type: 3, name: focused.name, value: focused.value, focused: true }],
      ...(command.guild_id ? { guild_id: command.guild_id } : {}),
    });
  }

  /**
   * A user clicks a button of a message the bot sent.
   * @throws Error when the message has no button with that custom_id
   */
  clickButton(from: APIUser, messageId: string, customId: string): StoredInteraction {
    const message = this.messages.get(messageId);
    if (!message) throw new Error(`no message ${messageId}`);
    const buttons = (message.components ?? []).flatMap((row: any) => row.components ?? []);
    if (!buttons.some((b: any) => b.custom_id === customId)) throw new Error(`message ${messageId} has no button ${customId}`);
    return this.createInteraction(
      InteractionType.MessageComponent,
      from,
      message.channel_id,
      { custom_id: customId, component_type: ComponentType.Button },
      message,
    );
  }

  /**
   * Closes the gateway connections with a resumable close code, as Discord does when it restarts a
   * gateway node; the client should reconnect to `resume_gateway_url` and RESUME (op 6).
   */
  dropGateway(code = 4000): void {
    for (const s of this.sessions) s.ws.close(code, 'Unknown error');
  }

  /** Paths the gateway was connected on (e.g. `/?v=10&encoding=json`, `/resume?v=10&encoding=json`). */
  readonly gatewayPaths: string[] = [];

  /** Asks the client for an immediate heartbeat (op 1), as Discord may. */
  requestHeartbeat(): void {
    for (const s of this.sessions) if (s.identified) this.send(s, { op: GatewayOpcodes.Heartbeat, d: null });
  }

  /**
   * Answers the next REST call matching `method` and `path` with a 429 carrying Discord's headers
   * (`retry-after`, `x-ratelimit-*`) and JSON body; the call after it goes through.
   */
  rateLimitNext(method: string, path: RegExp, retryAfterSeconds = 1, global = false): void {
    this.rateLimits.push({ method: method.toUpperCase(), path, retryAfterSeconds, global });
  }

  // ── Assertions ──────────────────────────────────────────────────────────────────────────────

  /** The number of calls so far: pass it as `since` to wait only for later calls. */
  mark(): number {
    return this.calls.length;
  }

  /**
   * Resolves with the first call (from index `since`) matching the predicate, waiting for it.
   * @throws Error after `timeoutMs` without one
   */
  waitForCall(match: (call: RecordedCall) => boolean, since = 0, timeoutMs = 5000): Promise<RecordedCall> {
    const found = this.calls.slice(since).find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const onCall = (call: RecordedCall): void => {
        if (!match(call)) return;
        clearTimeout(timer);
        this.events.off('call', onCall);
        resolve(call);
      };
      const timer = setTimeout(() => {
        this.events.off('call', onCall);
        reject(new Error(`no matching REST call within ${timeoutMs} ms; calls since ${since}: ${this.describeCalls(since)}`));
      }, timeoutMs);
      this.events.on('call', onCall);
    });
  }

  /** Resolves with the first gateway frame (from index `since`) with op `op`. */
  waitForFrame(op: number, since = 0, timeoutMs = 5000): Promise<GatewayFrame> {
    const found = this.frames.slice(since).find((f) => f.op === op);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const onFrame = (frame: GatewayFrame): void => {
        if (frame.op !== op) return;
        clearTimeout(timer);
        this.events.off('frame', onFrame);
        resolve(frame);
      };
      const timer = setTimeout(() => {
        this.events.off('frame', onFrame);
        reject(new Error(`no gateway op ${op} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.events.on('frame', onFrame);
    });
  }

  /** Calls from index `since`, as `METHOD path status` lines (for failure messages). */
  describeCalls(since = 0): string {
    return this.calls
      .slice(since)
      .map((c) => `${c.method} ${c.path} ${c.status}`)
      .join('; ');
  }

  // ── Gateway ─────────────────────────────────────────────────────────────────────────────────

  private onConnection(ws: WebSocket, req: http.IncomingMessage): void {
    this.gatewayPaths.push(req.url ?? '/');
    const params = new URL(req.url ?? '/', 'ws://127.0.0.1').searchParams;
    const session: Session = { ws, identified: false, intents: 0, seq: 0, sessionId: randomBytes(16).toString('hex') };
    this.sessions.add(session);
    ws.on('close', () => {
      this.sessions.delete(session);
      if (session.identified) this.pastSessions.set(session.sessionId, { sessionId: session.sessionId, intents: session.intents, seq: session.seq });
    });
    if (params.get('v') !== '10') {
      ws.close(4012, 'Invalid API version');
      return;
    }
    if (params.get('encoding') !== 'json' || params.has('compress')) {
      ws.close(4002, 'Error while decoding payload.');
      return;
    }
    ws.on('message', (data, isBinary) => {
      if (isBinary) {
        ws.close(4002, 'Error while decoding payload.');
        return;
      }
      let frame: GatewayFrame;
      try {
        frame = JSON.parse(String(data)) as GatewayFrame;
      } catch {
        ws.close(4002, 'Error while decoding payload.');
        return;
      }
      this.frames.push(frame);
      this.onFrame(session, frame);
      this.events.emit('frame', frame);
    });
    ws.send(JSON.stringify({ op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs }, s: null, t: null }));
  }

  private onFrame(session: Session, frame: GatewayFrame): void {
    switch (frame.op) {
      case GatewayOpcodes.Heartbeat:
        session.ws.send(JSON.stringify({ op: GatewayOpcodes.HeartbeatAck, d: null, s: null, t: null }));
        return;
      case GatewayOpcodes.Identify: {
        if (session.identified) {
          session.ws.close(4005, 'Already authenticated.');
          return;
        }
        if (frame.d?.token !== this.options.token) {
          session.ws.close(4004, 'Authentication failed.');
          return;
        }
        if (!Array.isArray(frame.d.shard) || frame.d.shard[1] !== 1 || typeof frame.d.intents !== 'number') {
          session.ws.close(4010, 'Invalid shard.');
          return;
        }
        session.identified = true;
        session.intents = frame.d.intents;
        this.send(session, {
          op: GatewayOpcodes.Dispatch,
          t: GatewayDispatchEvents.Ready,
          d: {
            v: 10,
            user: { ...this.bot, verified: true, mfa_enabled: false, flags: 0 },
            guilds: [{ id: this.options.guildId, unavailable: true }],
            session_id: session.sessionId,
            resume_gateway_url: `${this.gatewayUrl}/resume`,
            shard: [0, 1],
            application: { id: this.options.applicationId, flags: 0 },
          },
        });
        this.send(session, { op: GatewayOpcodes.Dispatch, t: GatewayDispatchEvents.GuildCreate, d: this.guildPayload() });
        return;
      }
      case GatewayOpcodes.Resume: {
        const previous = this.pastSessions.get(String(frame.d?.session_id));
        if (frame.d?.token !== this.options.token || !previous) {
          session.ws.send(JSON.stringify({ op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null }));
          return;
        }
        Object.assign(session, { identified: true, intents: previous.intents, seq: previous.seq, sessionId: previous.sessionId });
        this.send(session, { op: GatewayOpcodes.Dispatch, t: GatewayDispatchEvents.Resumed, d: {} });
        return;
      }
      default:
        // presence and voice updates: accepted, nothing to do
        return;
    }
  }

  private send(session: Session, payload: { op: number; t?: string; d: unknown }): void {
    if (session.ws.readyState !== session.ws.OPEN) return;
    const frame = payload.op === GatewayOpcodes.Dispatch ? { ...payload, s: ++session.seq } : { s: null, t: null, ...payload };
    session.ws.send(JSON.stringify(frame));
  }

  private dispatch(t: string, d: unknown, intent: number | null): void {
    for (const s of this.sessions) {
      if (s.identified && (intent === null || (s.intents & intent) !== 0)) this.send(s, { op: GatewayOpcodes.Dispatch, t, d });
    }
  }

  private guildPayload(): unknown {
    const channels = [...this.channels.values()].filter((c) => 'guild_id' in c && c.guild_id === this.options.guildId && c.type === ChannelType.GuildText);
    return {
      id: this.options.guildId,
      name: 'Newsroom',
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: '1100000000000000999',
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 1,
      explicit_content_filter: 0,
      roles: [
        {
          id: this.options.guildId,
          name: '@everyone',
          color: 0,
          hoist: false,
          position: 0,
          permissions: '1071698660929',
          managed: false,
          mentionable: false,
          flags: 0,
        },
      ],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      preferred_locale: 'en-US',
      public_updates_channel_id: null,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      joined_at: new Date(0).toISOString(),
      large: false,
      unavailable: false,
      member_count: 3,
      voice_states: [],
      members: [this.memberOf(this.bot)],
      channels,
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  private memberOf(user: APIUser): APIGuildMember {
    return { user, roles: [], joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 as GuildMemberFlags };
  }

  // ── Interactions ────────────────────────────────────────────────────────────────────────────

  /** A command the user can run where they are: guild commands in the guild only, global ones where their contexts allow. */
  private findCommand(name: string, channelId: string): any {
    const channel = this.requireChannel(channelId);
    const inGuild = 'guild_id' in channel && channel.guild_id !== undefined;
    const candidates = [...(inGuild ? (this.commands.get(this.options.guildId) ?? []) : []), ...(this.commands.get('global') ?? [])];
    const context = inGuild ? 0 : 1;
    const command = candidates.find((c) => c.name === name && (c.contexts === null || c.contexts.includes(context)));
    if (!command) throw new Error(`command /${name} is not available in channel ${channelId}`);
    return command;
  }

  private createInteraction(type: InteractionType, from: APIUser, channelId: string, data: unknown, message?: APIMessage): StoredInteraction {
    const channel = this.requireChannel(channelId);
    const guildId = 'guild_id' in channel ? channel.guild_id : undefined;
    const stored: StoredInteraction = {
      id: this.snowflake(),
      token: `aW50ZXJhY3Rpb246${randomBytes(24).toString('base64url')}`,
      type,
      createdAt: Date.now(),
      channelId,
      user: from,
      acknowledged: false,
      originalId: null,
      messageId: message?.id ?? null,
    };
    this.interactions.set(stored.id, stored);
    const payload = {
      id: stored.id,
      application_id: this.options.applicationId,
      type,
      data,
      token: stored.token,
      version: 1,
      channel_id: channelId,
      channel: { ...channel },
      locale: 'en-US',
      app_permissions: '2248473465835073',
      entitlements: [],
      authorizing_integration_owners: { '0': guildId ?? from.id },
      context: guildId ? 0 : 1,
      attachment_size_limit: 10_485_760,
      ...(guildId
        ? {
            guild_id: guildId,
            guild: { id: guildId, locale: 'en-US', features: [] },
            guild_locale: 'en-US',
            member: { ...this.memberOf(from), permissions: String(this.memberPermissions.get(from.id) ?? MEMBER_PERMISSIONS) },
          }
        : { user: from }),
      ...(message ? { message } : {}),
    };
    // Interactions reach the bot whatever its intents.
    this.dispatch(GatewayDispatchEvents.InteractionCreate, payload, null);
    return stored;
  }

  // ── REST ────────────────────────────────────────────────────────────────────────────────────

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: unknown = null;
    const call: RecordedCall = {
      method: (req.method ?? 'GET').toUpperCase(),
      path: safeDecode(url.pathname).replace(/^\/api\/v10(?=\/)/, ''),
      query: Object.fromEntries(url.searchParams),
      body: null,
      authorization: req.headers.authorization ?? null,
      status: 0,
      at: Date.now(),
    };
    let reply: Reply;
    let headers: Record<string, string> = {};
    try {
      body = raw && String(req.headers['content-type']).includes('application/json') ? JSON.parse(raw) : raw || null;
      call.body = body;
      ({ reply, headers } = this.route(call, url.pathname));
    } catch (err) {
      reply = { status: 400, body: { message: `400: Bad Request (${(err as Error).message})`, code: 50109 } };
    }
    call.status = reply.status;
    res.writeHead(reply.status, { ...(reply.body === undefined ? {} : { 'content-type': 'application/json' }), ...headers });
    res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
    this.calls.push(call);
    this.events.emit('call', call);
  }

  private route(call: RecordedCall, pathname: string): { reply: Reply; headers: Record<string, string> } {
    if (!pathname.startsWith('/api/v10/')) return { reply: notFound(), headers: {} };
    const limit = this.rateLimits.findIndex((r) => r.method === call.method && r.path.test(call.path));
    for (const route of this.routes) {
      if (route.method !== call.method) continue;
      const m = route.pattern.exec(call.path);
      if (!m) continue;
      const bucket = createHash('sha1').update(`${route.method} ${route.template}`).digest('hex').slice(0, 16);
      if (limit >= 0) {
        const { retryAfterSeconds, global } = this.rateLimits.splice(limit, 1)[0]!;
        return {
          reply: { status: 429, body: { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global } },
          headers: {
            'retry-after': String(Math.ceil(retryAfterSeconds)),
            'x-ratelimit-limit': '5',
            'x-ratelimit-remaining': '0',
            'x-ratelimit-reset': ((Date.now() + retryAfterSeconds * 1000) / 1000).toFixed(3),
            'x-ratelimit-reset-after': retryAfterSeconds.toFixed(3),
            'x-ratelimit-bucket': bucket,
            'x-ratelimit-scope': global ? 'global' : 'user',
            ...(global ? { 'x-ratelimit-global': 'true' } : {}),
          },
        };
      }
      if (route.auth && call.authorization !== `Bot ${this.options.token}`)
        return { reply: { status: 401, body: { message: '401: Unauthorized', code: 0 } }, headers: {} };
      const reply = route.handler(m.slice(1), call.body, call);
      return {
        reply,
        headers: {
          'x-ratelimit-limit': '50',
          'x-ratelimit-remaining': '49',
          'x-ratelimit-reset': ((Date.now() + 1000) / 1000).toFixed(3),
          'x-ratelimit-reset-after': '1.000',
          'x-ratelimit-bucket': bucket,
        },
      };
    }
    return { reply: notFound(), headers: {} };
  }

  private buildRoutes(): Route[] {
    const id = '(\\d{17,20})';
    const token = '([\\w-]+)';
    const r = (method: string, template: string, auth: boolean, handler: Handler): Route => ({
      method,
      template,
      auth,
      handler,
      pattern: new RegExp(
        `^${template
          .replace(/:id/g, id)
          .replace(/:token/g, token)
          .replace(/:message/g, `(@original|\\d{17,20})`)}$`,
      ),
    });
    const app = this.options.applicationId;
    return [
      r('GET', '/gateway/bot', true, () => ({
        status: 200,
        body: { url: this.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 } },
      })),
      r('GET', '/gateway', false, () => ({ status: 200, body: { url: this.gatewayUrl } })),
      r('GET', '/users/@me', true, () => ({ status: 200, body: this.bot })),
      r('GET', '/applications/@me', true, () => ({
        status: 200,
        body: {
          id: app,
          name: 'newsdesk',
          icon: null,
          description: '',
          bot_public: true,
          bot_require_code_grant: false,
          verify_key: 'f'.repeat(64),
          flags: 0,
          bot: this.bot,
        },
      })),
      r('PUT', '/applications/:id/commands', true, ([appId], body) => this.putCommands(appId!, 'global', body)),
      r('PUT', '/applications/:id/guilds/:id/commands', true, ([appId, guildId], body) => this.putCommands(appId!, guildId!, body)),
      r('GET', '/applications/:id/commands', true, () => ({ status: 200, body: this.commands.get('global') ?? [] })),
      r('GET', '/applications/:id/guilds/:id/commands', true, ([, guildId]) => ({ status: 200, body: this.commands.get(guildId!) ?? [] })),
      r('POST', '/interactions/:id/:token/callback', false, ([iid, itoken], body, call) => this.interactionCallback(iid!, itoken!, body, call)),
      r('PATCH', '/webhooks/:id/:token/messages/:message', false, ([appId, wtoken, mid], body) => this.editWebhookMessage(appId!, wtoken!, mid!, body)),
      r('GET', '/webhooks/:id/:token/messages/:message', false, ([appId, wtoken, mid]) => {
        const found = this.webhookMessage(appId!, wtoken!, mid!);
        return 'status' in found ? found : { status: 200, body: found.message };
      }),
      r('DELETE', '/webhooks/:id/:token/messages/:message', false, ([appId, wtoken, mid]) => {
        const found = this.webhookMessage(appId!, wtoken!, mid!);
        if ('status' in found) return found;
        this.messages.delete(found.message.id);
        return { status: 204 };
      }),
      r('POST', '/webhooks/:id/:token', false, ([appId, wtoken], body) => this.followUp(appId!, wtoken!, body)),
      r('POST', '/channels/:id/messages', true, ([channelId], body) => this.createChannelMessage(channelId!, body)),
      r('PATCH', '/channels/:id/messages/:id', true, ([channelId, mid], body) => {
        const message = this.messages.get(mid!);
        if (!message || message.channel_id !== channelId) return unknown('Message', 10008);
        if (message.author.id !== this.bot.id) return { status: 403, body: { message: 'Cannot edit a message authored by another user', code: 50005 } };
        const problems = validateMessageBody(body, false);
        if (problems.length) return invalidForm(problems);
        Object.assign(message, pickMessageFields(body), { edited_timestamp: new Date().toISOString() });
        return { status: 200, body: message };
      }),
      r('POST', '/channels/:id/messages/:id/threads', true, ([channelId, mid], body) => this.startThread(channelId!, mid!, body)),
      r('POST', '/channels/:id/typing', true, ([channelId]) => (this.channels.has(channelId!) ? { status: 204 } : unknown('Channel', 10003))),
      r('GET', '/channels/:id', true, ([channelId]) => {
        const channel = this.channels.get(channelId!);
        return channel ? { status: 200, body: channel } : unknown('Channel', 10003);
      }),
    ];
  }

  private putCommands(appId: string, scope: string, body: unknown): Reply {
    if (appId !== this.options.applicationId) return { status: 403, body: { message: 'Missing Access', code: 50001 } };
    if (scope !== 'global' && scope !== this.options.guildId) return { status: 403, body: { message: 'Missing Access', code: 50001 } };
    if (!Array.isArray(body)) return invalidForm(['body: must be an array of commands']);
    const problems = body.flatMap((c, i) => validateCommand(c, `${i}`));
    if (problems.length) return invalidForm(problems);
    const registered = body.map((c: any) => ({
      id: this.snowflake(),
      application_id: appId,
      version: this.snowflake(),
      type: c.type ?? ApplicationCommandType.ChatInput,
      name: c.name,
      description: c.description,
      options: c.options ?? [],
      default_member_permissions: c.default_member_permissions ?? null,
      nsfw: c.nsfw ?? false,
      contexts: c.contexts ?? null,
      integration_types: c.integration_types ?? [0],
      ...(scope === 'global' ? {} : { guild_id: scope }),
    }));
    this.commands.set(scope, registered);
    return { status: 200, body: registered };
  }

  private interactionCallback(id: string, token: string, body: any, call: RecordedCall): Reply {
    const interaction = this.interactions.get(id);
    if (!interaction || interaction.token !== token) return unknown('interaction', 10062);
    if (interaction.acknowledged) return { status: 400, body: { message: 'Interaction has already been acknowledged.', code: 40060 } };
    if (call.at - interaction.createdAt > this.options.interactionDeadlineMs) return unknown('interaction', 10062);
    const type = body?.type as InteractionResponseType;
    const data = body?.data ?? {};
    let message: APIMessage | null = null;
    switch (type) {
      case InteractionResponseType.ChannelMessageWithSource: {
        const problems = validateMessageBody(data, true);
        if (problems.length) return invalidForm(problems.map((p) => `data.${p}`));
        message = this.interactionMessage(interaction, data, (data.flags ?? 0) & MessageFlags.Ephemeral);
        interaction.originalId = message.id;
        break;
      }
      case InteractionResponseType.DeferredChannelMessageWithSource:
        message = this.interactionMessage(interaction, { content: '' }, ((data.flags ?? 0) & MessageFlags.Ephemeral) | MessageFlags.Loading);
        interaction.originalId = message.id;
        break;
      case InteractionResponseType.DeferredMessageUpdate:
      case InteractionResponseType.UpdateMessage: {
        if (interaction.type !== InteractionType.MessageComponent || !interaction.messageId) return invalidForm(['type: only for component interactions']);
        const target = this.messages.get(interaction.messageId);
        if (!target) return unknown('Message', 10008);
        if (type === InteractionResponseType.UpdateMessage) {
          const problems = validateMessageBody(data, false);
          if (problems.length) return invalidForm(problems.map((p) => `data.${p}`));
          Object.assign(target, pickMessageFields(data), { edited_timestamp: new Date().toISOString() });
        }
        interaction.originalId = target.id;
        message = target;
        break;
      }
      case InteractionResponseType.ApplicationCommandAutocompleteResult: {
        if (interaction.type !== InteractionType.ApplicationCommandAutocomplete) return invalidForm(['type: only for autocomplete interactions']);
        const problems = validateChoices(data.choices);
        if (problems.length) return invalidForm(problems.map((p) => `data.${p}`));
        break;
      }
      default:
        return invalidForm([`type: unsupported interaction response type ${String(type)}`]);
    }
    interaction.acknowledged = true;
    if (call.query.with_response !== 'true') return { status: 204 };
    return {
      status: 200,
      body: {
        interaction: {
          id: interaction.id,
          type: interaction.type,
          activity_instance_id: null,
          response_message_id: message?.id ?? null,
          response_message_loading: type === InteractionResponseType.DeferredChannelMessageWithSource,
          response_message_ephemeral: Boolean((message?.flags ?? 0) & MessageFlags.Ephemeral),
        },
        resource: { type, ...(message ? { message } : {}) },
      },
    };
  }

  private interactionMessage(interaction: StoredInteraction, data: any, flags: number): APIMessage {
    const channel = this.requireChannel(interaction.channelId);
    const message = this.newBotMessage(interaction.channelId, data, flags, {
      webhook_id: this.options.applicationId,
      application_id: this.options.applicationId,
      interaction_metadata: { id: interaction.id, type: interaction.type, user: interaction.user, authorizing_integration_owners: {} },
      ...(interaction.messageId ? {} : { type: MessageType.ChatInputCommand }),
    });
    this.announce(message, channel);
    return message;
  }

  private webhookMessage(appId: string, token: string, mid: string): { message: APIMessage; interaction: StoredInteraction } | Reply {
    const interaction = [...this.interactions.values()].find((i) => i.token === token);
    if (appId !== this.options.applicationId || !interaction || Date.now() - interaction.createdAt > 15 * 60_000) return unknown('Webhook', 10015);
    const messageId = mid === '@original' ? interaction.originalId : mid;
    const message = messageId ? this.messages.get(messageId) : undefined;
    return message ? { message, interaction } : unknown('Message', 10008);
  }

  private editWebhookMessage(appId: string, token: string, mid: string, body: any): Reply {
    const found = this.webhookMessage(appId, token, mid);
    if ('status' in found) return found;
    const problems = validateMessageBody(body, false);
    if (problems.length) return invalidForm(problems);
    const wasLoading = ((found.message.flags ?? 0) & MessageFlags.Loading) !== 0;
    Object.assign(found.message, pickMessageFields(body), {
      flags: (found.message.flags ?? 0) & ~MessageFlags.Loading,
      edited_timestamp: wasLoading ? null : new Date().toISOString(),
    });
    this.pingsOf(found.message, body);
    return { status: 200, body: found.message };
  }

  private followUp(appId: string, token: string, body: any): Reply {
    const interaction = [...this.interactions.values()].find((i) => i.token === token);
    if (appId !== this.options.applicationId || !interaction) return unknown('Webhook', 10015);
    if (!interaction.acknowledged) return { status: 400, body: { message: 'Interaction has not been acknowledged.', code: 40060 } };
    const problems = validateMessageBody(body, true);
    if (problems.length) return invalidForm(problems);
    const message = this.newBotMessage(interaction.channelId, body, (body.flags ?? 0) & MessageFlags.Ephemeral, {
      webhook_id: appId,
      application_id: appId,
    });
    this.announce(message, this.requireChannel(interaction.channelId));
    return { status: 200, body: message };
  }

  private createChannelMessage(channelId: string, body: any): Reply {
    const channel = this.channels.get(channelId);
    if (!channel) return unknown('Channel', 10003);
    const problems = validateMessageBody(body, true);
    if (problems.length) return invalidForm(problems);
    // enforce_nonce: a message already created in the channel with this nonce is returned, not posted again.
    if (body.nonce !== undefined && String(body.nonce).length > 25) return invalidForm(['nonce: Must be 25 or fewer in length.']);
    if (body.enforce_nonce === true && body.nonce !== undefined) {
      const earlier = this.nonces.get(`${channelId}\u0000${body.nonce}`);
      if (earlier) return { status: 200, body: earlier };
    }
    let reference: Record<string, unknown> = {};
    if (body.message_reference) {
      const referenced = this.messages.get(body.message_reference.message_id);
      if (!referenced) return invalidForm(['message_reference: Unknown message']);
      reference = {
        message_reference: { type: 0, message_id: referenced.id, channel_id: referenced.channel_id },
        referenced_message: referenced,
        type: MessageType.Reply,
      };
    }
    const message = this.newBotMessage(channelId, body, (body.flags ?? 0) & MessageFlags.SuppressNotifications, reference);
    if (body.nonce !== undefined) this.nonces.set(`${channelId}\u0000${body.nonce}`, message);
    this.announce(message, channel);
    return { status: 200, body: message };
  }

  private startThread(channelId: string, messageId: string, body: any): Reply {
    const parent = this.channels.get(channelId);
    if (!parent) return unknown('Channel', 10003);
    if (parent.type !== ChannelType.GuildText && parent.type !== ChannelType.GuildAnnouncement)
      return { status: 400, body: { message: 'Cannot execute action on this channel type', code: 50024 } };
    const message = this.messages.get(messageId);
    if (!message || message.channel_id !== channelId) return unknown('Message', 10008);
    if (this.channels.has(messageId)) return { status: 400, body: { message: 'A thread has already been created for this message', code: 160004 } };
    const name = typeof body?.name === 'string' ? body.name : '';
    if (name.length < 1 || name.length > 100) return invalidForm(['name: Must be between 1 and 100 in length.']);
    const now = new Date().toISOString();
    // A thread started on a message takes the message's id.
    const thread: APIThreadChannel = {
      id: messageId,
      type: ChannelType.PublicThread,
      guild_id: this.options.guildId,
      parent_id: channelId,
      owner_id: this.bot.id,
      name,
      last_message_id: null,
      rate_limit_per_user: 0,
      message_count: 0,
      member_count: 1,
      total_message_sent: 0,
      flags: 0 as ChannelFlags,
      thread_metadata: {
        archived: false,
        auto_archive_duration: body.auto_archive_duration ?? 1440,
        archive_timestamp: now,
        locked: false,
        create_timestamp: now,
      },
      member: { id: messageId, user_id: this.bot.id, join_timestamp: now, flags: 0 as ThreadMemberFlags },
    };
    this.channels.set(thread.id, thread);
    (message as any).thread = thread;
    this.dispatch(GatewayDispatchEvents.ThreadCreate, { ...thread, newly_created: true }, GatewayIntentBits.Guilds);
    return { status: 201, body: thread };
  }

  private newBotMessage(channelId: string, body: any, flags: number, extra: Record<string, unknown>): APIMessage {
    const channel = this.requireChannel(channelId);
    const message = {
      id: this.snowflake(),
      channel_id: channelId,
      author: this.bot,
      content: body.content ?? '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: (body.embeds ?? []) as APIEmbed[],
      pinned: false,
      type: MessageType.Default,
      flags,
      components: body.components ?? [],
      ...('guild_id' in channel && channel.guild_id ? { guild_id: channel.guild_id } : {}),
      ...extra,
    } as APIMessage;
    this.messages.set(message.id, message);
    this.pingsOf(message, body);
    return message;
  }

  /** Dispatches a new bot message as Discord does (not ephemeral ones). */
  private announce(message: APIMessage, channel: APIChannel): void {
    if ((message.flags ?? 0) & MessageFlags.Ephemeral) return;
    const guildId = 'guild_id' in channel ? channel.guild_id : undefined;
    this.dispatch(
      GatewayDispatchEvents.MessageCreate,
      { ...message, channel_type: channel.type, ...(guildId ? { guild_id: guildId } : {}) },
      guildId ? GatewayIntentBits.GuildMessages : GatewayIntentBits.DirectMessages,
    );
  }

  /** Records who a message would notify: content mentions allowed by `allowed_mentions`, and the replied-to author. */
  private pingsOf(message: APIMessage, body: any): void {
    const allowed = body?.allowed_mentions as { parse?: string[]; users?: string[]; roles?: string[]; replied_user?: boolean } | undefined;
    const parse = new Set(allowed ? (allowed.parse ?? []) : ['users', 'roles', 'everyone']);
    const content = String(body?.content ?? '');
    for (const m of content.matchAll(/<@!?(\d{17,20})>/g)) {
      if (parse.has('users') || allowed?.users?.includes(m[1]!)) this.pings.push({ messageId: message.id, target: `user:${m[1]!}` });
    }
    for (const m of content.matchAll(/<@&(\d{17,20})>/g)) {
      if (parse.has('roles') || allowed?.roles?.includes(m[1]!)) this.pings.push({ messageId: message.id, target: `role:${m[1]!}` });
    }
    for (const m of content.matchAll(/@(everyone|here)/g)) {
      if (parse.has('everyone')) this.pings.push({ messageId: message.id, target: m[1]! });
    }
    const referenced = (message as any).referenced_message as APIMessage | undefined;
    if (referenced && (allowed?.replied_user ?? true)) this.pings.push({ messageId: message.id, target: `user:${referenced.author.id}` });
  }

  private requireChannel(channelId: string): APIChannel {
    const channel = this.channels.get(channelId);
    if (!channel) throw new Error(`no channel ${channelId}`);
    return channel;
  }

  private snowflake(): string {
    return String(this.nextSnowflake++);
  }
}

// ── Discord's validation of what the bot sends ──────────────────────────────────────────────────

/**
 * Checks a message body against Discord's limits, returning problems in Discord's style
 * (`embeds.0.description: Must be 4096 or fewer in length.`); empty when Discord would accept it.
 * @param create - true for a new message (which must not be empty)
 */
export function validateMessageBody(body: any, create: boolean): string[] {
  const problems: string[] = [];
  if (body === null || typeof body !== 'object') return ['body: must be a JSON object'];
  const content = body.content ?? '';
  if (typeof content !== 'string') problems.push('content: must be a string');
  else if (content.length > 2000) problems.push('content: Must be 2000 or fewer in length.');
  const embeds: any[] = body.embeds ?? [];
  if (!Array.isArray(embeds)) problems.push('embeds: must be an array');
  else {
    if (embeds.length > 10) problems.push('embeds: Must be 10 or fewer in length.');
    let total = 0;
    embeds.forEach((e, i) => {
      const at = `embeds.${i}`;
      const check = (value: unknown, max: number, path: string, required = false): number => {
        if (value === undefined || value === null) {
          if (required) problems.push(`${at}.${path}: This field is required`);
          return 0;
        }
        if (typeof value !== 'string') {
          problems.push(`${at}.${path}: must be a string`);
          return 0;
        }
        if (required && value.length === 0) problems.push(`${at}.${path}: This field is required`);
        if (value.length > max) problems.push(`${at}.${path}: Must be ${max} or fewer in length.`);
        return value.length;
      };
      total += check(e.title, 256, 'title') + check(e.description, 4096, 'description');
      if (e.url !== undefined && !/^https?:\/\/\S+$/.test(String(e.url))) problems.push(`${at}.url: Not a well formed URL.`);
      if (e.author) total += check(e.author.name, 256, 'author.name', true);
      if (e.footer) total += check(e.footer.text, 2048, 'footer.text', true);
      const fields: any[] = e.fields ?? [];
      if (fields.length > 25) problems.push(`${at}.fields: Must be 25 or fewer in length.`);
      fields.forEach((f, j) => {
        total += check(f.name, 256, `fields.${j}.name`, true) + check(f.value, 1024, `fields.${j}.value`, true);
      });
      if (e.color !== undefined && (!Number.isInteger(e.color) || e.color < 0 || e.color > 0xffffff)) problems.push(`${at}.color: Not a valid color.`);
    });
    if (total > 6000) problems.push('embeds: Embed size exceeds maximum size of 6000');
  }
  const rows: any[] = body.components ?? [];
  if (rows.length > 5) problems.push('components: Must be 5 or fewer in length.');
  const ids = new Set<string>();
  rows.forEach((row, i) => {
    if (row.type !== ComponentType.ActionRow) problems.push(`components.${i}.type: must be an action row`);
    const items: any[] = row.components ?? [];
    if (items.length < 1 || items.length > 5) problems.push(`components.${i}.components: Must be between 1 and 5 in length.`);
    items.forEach((b, j) => {
      const at = `components.${i}.components.${j}`;
      if (b.type !== ComponentType.Button) return;
      if (typeof b.label === 'string' && b.label.length > 80) problems.push(`${at}.label: Must be 80 or fewer in length.`);
      if (b.style === 5) {
        if (typeof b.url !== 'string') problems.push(`${at}.url: This field is required`);
      } else if (typeof b.custom_id !== 'string' || b.custom_id.length < 1 || b.custom_id.length > 100) {
        problems.push(`${at}.custom_id: Must be between 1 and 100 in length.`);
      } else if (ids.has(b.custom_id)) {
        problems.push(`${at}.custom_id: Component custom id cannot be duplicated`);
      } else ids.add(b.custom_id);
    });
  });
  const allowed = body.allowed_mentions;
  if (allowed?.parse?.some((p: string) => !['users', 'roles', 'everyone'].includes(p))) problems.push('allowed_mentions.parse: invalid value');
  if (create && problems.length === 0 && content === '' && embeds.length === 0 && rows.length === 0) problems.push('EMPTY');
  return problems;
}

/** Checks slash command definitions as Discord does on registration. */
function validateCommand(c: any, at: string): string[] {
  const problems: string[] = [];
  if (typeof c?.name !== 'string' || !/^[-_\p{Ll}\p{N}]{1,32}$/u.test(c.name)) problems.push(`${at}.name: Command name is invalid`);
  if ((c?.type ?? 1) === 1 && (typeof c?.description !== 'string' || c.description.length < 1 || c.description.length > 100)) {
    problems.push(`${at}.description: Must be between 1 and 100 in length.`);
  }
  const options: any[] = c?.options ?? [];
  if (options.length > 25) problems.push(`${at}.options: Must be 25 or fewer in length.`);
  options.forEach((o, i) => {
    const p = `${at}.options.${i}`;
    if (typeof o.name !== 'string' || !/^[-_\p{Ll}\p{N}]{1,32}$/u.test(o.name)) problems.push(`${p}.name: Command name is invalid`);
    if (typeof o.description !== 'string' || o.description.length < 1 || o.description.length > 100)
      problems.push(`${p}.description: Must be between 1 and 100 in length.`);
    if (o.max_length !== undefined && (o.max_length < 1 || o.max_length > 6000)) problems.push(`${p}.max_length: must be between 1 and 6000`);
    if (o.autocomplete && o.choices?.length) problems.push(`${p}.autocomplete: cannot be used with choices`);
  });
  return problems;
}

function validateChoices(choices: unknown): string[] {
  if (!Array.isArray(choices)) return ['choices: This field is required'];
  const problems: string[] = [];
  if (choices.length > 25) problems.push('choices: Must be 25 or fewer in length.');
  choices.forEach((c: any, i) => {
    if (typeof c?.name !== 'string' || c.name.length < 1 || c.name.length > 100) problems.push(`choices.${i}.name: Must be between 1 and 100 in length.`);
    if (typeof c?.value !== 'string' || c.value.length > 100) problems.push(`choices.${i}.value: Must be 100 or fewer in length.`);
  });
  return problems;
}

function pickMessageFields(body: any): Partial<APIMessage> {
  const out: Record<string, unknown> = {};
  for (const key of ['content', 'embeds', 'components'] as const) if (body?.[key] !== undefined) out[key] = body[key];
  return out as Partial<APIMessage>;
}

function invalidForm(problems: string[]): Reply {
  if (problems.length === 1 && problems[0] === 'EMPTY') return { status: 400, body: { message: 'Cannot send an empty message', code: 50006 } };
  return { status: 400, body: { message: 'Invalid Form Body', code: 50035, errors: problems } };
}

function unknown(what: string, code: number): Reply {
  return { status: 404, body: { message: `Unknown ${what}`, code } };
}

function safeDecode(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

function notFound(): Reply {
  return { status: 404, body: { message: '404: Not Found', code: 0 } };
}
