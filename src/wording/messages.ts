import type { SourceLookup, SourceSummary } from '../index/sources.ts';

/**
 * The wording of chat replies that are not answers (rate limits, failures, help, source lookup
 * headings, button labels), shared by every chat surface so that adapters only format. Pure and
 * platform-neutral: no markup, no platform syntax.
 */

// ── Chat replies (used by the Slack adapter; platform-neutral) ──────────────────────────────

/** Labels of the buttons under an answer. */
export const ANSWER_BUTTON_LABELS = {
  moreSources: 'More sources',
  helpful: 'Helpful',
  notHelpful: 'Not helpful',
  share: 'Share in channel',
} as const;

/** Label of the question line shown above an answer that is not a reply to the question itself. */
export const QUESTION_LABEL = 'Question';

/** Said when a request fails unexpectedly; the failure is logged, never shown. */
export const REQUEST_FAILED_MESSAGE = 'Sorry, something went wrong while answering that. Please try again in a moment.';

/** Said when "More sources" finds nothing beyond what was shown. */
export const NO_MORE_SOURCES_MESSAGE = 'There are no more sources for that question.';

/** Said when a button's data can no longer be read (an old or altered message). */
export const STALE_BUTTON_MESSAGE = 'That button has expired: please ask the question again.';

/**
 * The polite reply when a user asks faster than the per-user rate limit allows.
 * @param retryAfterMs - how long until the next question is allowed
 * @example rateLimitedMessage(12_400) // 'You are asking faster than I can keep up: please wait about 13 seconds, then ask again.'
 */
export function rateLimitedMessage(retryAfterMs: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return `You are asking faster than I can keep up: please wait about ${seconds} second${seconds === 1 ? '' : 's'}, then ask again.`;
}

/**
 * The reply to a "Helpful" / "Not helpful" click.
 * @param helpful - which button was pressed
 * @param recorded - whether the core could store it
 */
export function feedbackThanksMessage(helpful: boolean, recorded: boolean): string {
  if (!recorded) return 'Thanks: your feedback could not be saved on this newsdesk, but it was seen.';
  return helpful ? 'Thanks: glad it helped.' : 'Thanks: noted that this answer did not help.';
}

/**
 * Heading of the further citations shown by "More sources".
 * @example moreSourcesHeading('who requested the call?') // 'More sources for “who requested the call?”:'
 */
export function moreSourcesHeading(question: string): string {
  return `More sources for “${question}”:`;
}

/**
 * Pointer shown when citations had to be left out of a message to fit the platform's limits.
 * @param hidden - how many citations were left out
 */
export function citationsCutMessage(hidden: number): string {
  return `…and ${hidden} more citation${hidden === 1 ? '' : 's'} not shown here: press “${ANSWER_BUTTON_LABELS.moreSources}” to see ${hidden === 1 ? 'it' : 'them'}.`;
}

/**
 * Pointer shown after a quote or passage cut to fit the platform's limits.
 * @param sourceId - the article the full text is in
 */
export function quoteCutMessage(sourceId: string): string {
  return `(shortened: the full passage is in ${sourceId})`;
}

/**
 * Pointer shown when a list had to be cut to fit the platform's limits.
 * @param hidden - how many items were left out
 * @param noun - what the items are, singular ("source")
 */
export function listCutMessage(hidden: number, noun: string): string {
  const plural = noun.endsWith('y') ? `${noun.slice(0, -1)}ies` : `${noun}s`;
  return `…and ${hidden} more ${hidden === 1 ? noun : plural} not shown here.`;
}

/** One chat command, for help texts: `argument` is a placeholder name or null. */
export interface CommandHelp {
  command: string;
  argument: string | null;
  /** True when `argument` is typed as is (a subcommand such as `help`), not a placeholder. */
  literal?: boolean;
  /** True for commands about a chat channel (digest subscriptions): not offered by the terminal chat. */
  channelOnly?: boolean;
  description: string;
}

/** The opening line of the help text. */
export const HELP_INTRO =
  'I answer questions about the news coverage loaded on this newsdesk, quoting the articles word for word. Mention me with a question, send me a direct message, or reply in the thread of one of my answers.';

/** The terminal chat's help, first line: what the terminal does (no mentions or threads there). */
export const TERMINAL_HELP_INTRO =
  'I answer questions about the news coverage loaded on this newsdesk, quoting the articles word for word. Type a question and press Enter; follow-up questions ("how long was it?") keep the context. Commands:';

/** The chat commands, in the order help lists them. */
export const HELP_COMMANDS: readonly CommandHelp[] = [
  { command: 'ask', argument: 'question', description: 'Ask a question; the answer is private until you share it.' },
  { command: 'sources', argument: null, description: 'List the articles in the coverage.' },
  { command: 'source', argument: 'outlet or id', description: 'Show one article: its lead and key passages.' },
  { command: 'stories', argument: null, description: 'List the stories in the coverage, largest first.' },
  { command: 'story', argument: 'words or id', description: 'Follow a story here: questions are then answered from its coverage.' },
  { command: 'digest', argument: null, description: 'Today’s briefing.' },
  {
    command: 'digest',
    argument: 'subscribe [time] [timezone] [topic]',
    literal: true,
    channelOnly: true,
    description: 'Post the daily briefing in this channel every day (default 08:00; e.g. 07:30 Europe/Paris ukraine: only the stories about Ukraine).',
  },
  { command: 'digest', argument: 'unsubscribe', literal: true, channelOnly: true, description: 'Stop the daily briefing in this channel.' },
  { command: 'digest', argument: 'status', literal: true, channelOnly: true, description: 'When this channel gets the daily briefing, and when it last did.' },
  { command: 'newsdesk', argument: 'help', literal: true, description: 'This help.' },
];

/** Heading of the source list. */
export function sourceListHeading(count: number): string {
  return count === 0 ? 'No sources in this corpus.' : `${count} source${count === 1 ? '' : 's'}:`;
}

/** Heading of the skipped-files note under the source list. */
export function skippedFilesHeading(count: number): string {
  return `Skipped ${count} file${count === 1 ? '' : 's'}:`;
}

/**
 * Heading of a lookup that did not find exactly one source.
 * @example sourceLookupHeading({ kind: 'not_found', query: 'npr', suggestions: [] }) // 'No source matches “npr”.'
 */
export function sourceLookupHeading(lookup: Exclude<SourceLookup, { kind: 'found' }>): string {
  if (lookup.kind === 'ambiguous') return `“${lookup.query}” matches several sources. Which one? Ask again with its id:`;
  if (lookup.query === '') return 'Which source? Give an outlet, an id or words from a title. Some sources:';
  return `No source matches “${lookup.query}”.${lookup.suggestions.length ? ' Close matches:' : ''}`;
}

/** Labels of a source's detail. */
export const SOURCE_DETAIL_LABELS = { lead: 'Lead', keyPassages: 'Key passages', paragraph: '¶' } as const;

/**
 * "WEKU · By Franco Ordoñez · 2021-12-31", with "outlet unknown" / "date unknown" when the text does not say.
 */
export function sourceMetaLine(s: SourceSummary): string {
  return [s.outlet ?? 'outlet unknown', s.byline ? `By ${s.byline}` : null, s.published ?? 'date unknown'].filter((x): x is string => x !== null).join(' · ');
}

/** "id: 004_….txt · 25 passages" */
export function sourceIdLine(s: SourceSummary): string {
  return `id: ${s.id} · ${s.passages} passage${s.passages === 1 ? '' : 's'}`;
}

// ── Digest (daily briefing) ───────────────────────────────────────────────────────────────

/**
 * The digest's headline line when no article has a usable headline.
 * @param nouns - the story's central nouns, most central first
 * @example digestFallbackHeadline(['call', 'talks'], 5) // 'Coverage of the call and talks (5 articles)'
 */
export function digestFallbackHeadline(nouns: readonly string[], articles: number): string {
  const about = nouns.length ? ` of the ${nouns.length > 1 ? `${nouns.slice(0, -1).join(', ')} and ${nouns[nouns.length - 1]}` : nouns[0]}` : '';
  return `Coverage${about} (${articles} article${articles === 1 ? '' : 's'})`;
}

/**
 * What a disagreement is about.
 * @param kind - a counted thing, the length of the central event, or its date
 * @example disagreementTopic('count', 'troops') // 'number of troops'
 */
export function disagreementTopic(kind: 'count' | 'duration' | 'date', noun: string): string {
  if (kind === 'count') return `number of ${noun}`;
  if (kind === 'duration') return `length of the ${noun}`;
  return `date of the ${noun}`;
}

/** Section labels of a digest, for every renderer. */
export const DIGEST_LABELS = {
  title: 'Daily briefing',
  points: 'Key points',
  new: 'New since the last digest',
  noNew: 'No new articles since the last digest.',
  disagreements: 'Where outlets differ',
  noPoints: 'The coverage has no articles to brief on yet.',
  sources: 'Sources',
  firstSeen: 'first seen',
} as const;

/** Said to someone who may not change a channel's daily briefing on Discord. */
export const DIGEST_MANAGERS_ONLY_DISCORD =
  'Only members who can manage this channel (Manage Channels) can subscribe it to the daily briefing or stop it. “/digest” and “/digest status” are open to everyone.';

/** Said to someone who may not change a channel's daily briefing on Slack. */
export const DIGEST_MANAGERS_ONLY_SLACK =
  'Only workspace admins and owners (and the people this newsdesk names as digest managers) can subscribe this channel to the daily briefing or stop it. “/digest” and “/digest status” are open to everyone.';

/** Said when `/digest` is given a subcommand it does not know. */
export const DIGEST_COMMAND_USAGE =
  'Use “/digest” for today’s briefing, “/digest subscribe [time] [timezone] [topic]” to get it here every day (e.g. “/digest subscribe 07:30 Europe/Paris”, or “… Europe/Paris ukraine” for those stories only), “/digest unsubscribe” or “/digest status”.';

/**
 * "Troop estimates differ: 100,000 troops (2 sources); more than 90,000 troops (1 source)".
 * @example disagreementLine({ topic: 'number of troops', values: [{ value: '100,000 troops', sources: ['a', 'b'] }] })
 */
export function disagreementLine(d: { topic: string; values: readonly { value: string; sources: readonly string[] }[] }): string {
  const values = d.values.map((v) => `${v.value} (${v.sources.length} source${v.sources.length === 1 ? '' : 's'})`);
  return `${d.topic.charAt(0).toUpperCase()}${d.topic.slice(1)}: ${values.join('; ')}`;
}

/**
 * How many sources a point cites.
 * @example pointSourcesLine(3) // 'reported by 3 sources'
 */
export function pointSourcesLine(sources: number): string {
  return sources === 1 ? 'reported by 1 source' : `reported by ${sources} sources`;
}

// ── Digest subscriptions ──────────────────────────────────────────────────────────────────

/** "Tuesday 24 November, 08:00 (Europe/London)" for a local date 'YYYY-MM-DD' and time 'HH:MM'. */
function localWhen(date: string, time: string, timezone: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  const day = d.toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
  return `${day}, ${time} (${timezone})`;
}

/** Replies of the subscription commands (`/digest subscribe|unsubscribe|status`). */
export const SUBSCRIPTION_MESSAGES = {
  unavailable: 'Daily briefings cannot be scheduled on this newsdesk: it has no state database (check DATA_DIR).',
  unsubscribed: 'Unsubscribed: this channel will no longer get the daily briefing.',
  notSubscribed:
    'This channel is not subscribed to the daily briefing. Subscribe with “/digest subscribe [time] [timezone]”, e.g. “/digest subscribe 08:00 Europe/London”.',
} as const;

/**
 * The reply to a time of day that could not be read.
 * @example badTimeMessage('25:00') // '“25:00” is not a time of day: use HH:MM, e.g. 08:00 or 18:30.'
 */
export function badTimeMessage(text: string): string {
  return `“${text}” is not a time of day: use HH:MM, e.g. 08:00 or 18:30.`;
}

/** The reply to an unknown timezone. */
export function badTimezoneMessage(text: string): string {
  return `“${text}” is not a timezone I know: use an IANA name such as Europe/London, America/New_York or UTC.`;
}

/**
 * The reply to a subscription.
 * @param next - the local date and time of the next briefing
 * @example subscribedMessage('08:00', 'UTC', { date: '2026-11-24', time: '08:00' }) // 'Subscribed: this channel gets the daily briefing at 08:00 (UTC). Next one: Tuesday 24 November, 08:00 (UTC).'
 */
export function subscribedMessage(time: string, timezone: string, next: { date: string; time: string } | null, topic: string | null = null): string {
  return `Subscribed: this channel gets the daily briefing${topicPhrase(topic)} at ${time} (${timezone}).${next ? ` Next one: ${localWhen(next.date, next.time, timezone)}.` : ''}`;
}

/** " on “ukraine”" for a subscription limited to a story or keywords, else nothing. */
function topicPhrase(topic: string | null): string {
  return topic ? ` on “${topic}”` : '';
}

/**
 * The reply to `/digest status`.
 * @param sub - the subscription (time, timezone, paused and why)
 * @param next - local date and time of the next briefing, null when paused
 * @param last - the last briefing sent (local date) or null
 */
export function subscriptionStatusMessage(
  sub: { time: string; timezone: string; paused: boolean; pausedReason: string | null; topic?: string | null },
  next: { date: string; time: string } | null,
  last: { localDate: string } | null,
): string {
  const head = sub.paused
    ? `The daily briefing of this channel is paused${sub.pausedReason ? ` (${sub.pausedReason})` : ''}. Subscribe again to resume it at ${sub.time} (${sub.timezone}).`
    : `This channel gets the daily briefing${topicPhrase(sub.topic ?? null)} at ${sub.time} (${sub.timezone}).${next ? ` Next one: ${localWhen(next.date, next.time, sub.timezone)}.` : ''}`;
  return `${head}${last ? ` Last one sent on ${last.localDate}.` : ' None sent yet.'}`;
}

// ── Gaps (questions the coverage could not answer) ─────────────────────────────────────────

/**
 * Heading of `newsdesk gaps`.
 * @example gapsHeading(2) // '2 questions the coverage could not answer (most asked first):'
 */
export function gapsHeading(count: number): string {
  if (count === 0) return 'No unanswered questions logged: every question asked so far found an answer (or none was asked yet).';
  return `${count} question${count === 1 ? '' : 's'} the coverage could not answer (most asked first):`;
}

/** Heading of the story list: "12 stories:" (stories are listed largest first). */
export function storyListHeading(count: number): string {
  return count === 0 ? 'No stories: the corpus is empty.' : `${count} ${count === 1 ? 'story' : 'stories'}:`;
}

/** "8 articles · 3 outlets · last update 2015-11-18 · id st-3f9a0c1d" */
export function storyMetaLine(s: { id: string; articles: readonly string[]; outlets: readonly string[]; lastSeen: string | null }): string {
  const parts = [`${s.articles.length} article${s.articles.length === 1 ? '' : 's'}`];
  if (s.outlets.length) parts.push(`${s.outlets.length} outlet${s.outlets.length === 1 ? '' : 's'}`);
  if (s.lastSeen) parts.push(`last update ${s.lastSeen.slice(0, 10)}`);
  parts.push(`id ${s.id}`);
  return parts.join(' · ');
}

/**
 * Reply when no story matches what the user typed.
 * @param listCommand - how this surface lists the stories ("/stories", "newsdesk stories")
 */
export function storyNotFound(query: string, listCommand = '/stories'): string {
  return `No story matches "${query}". Try ${listCommand} for the list.`;
}

/** The question back when a question names nothing and several stories could be meant. */
export const WHICH_STORY_HEADLINE = 'That could be about several stories. Which one do you mean?';

/** "From the story: Paris attacks: …" under an answer in a coverage of many stories. */
export function storyLine(title: string): string {
  return `From the story: ${title}`;
}

/** One story offered as a choice: "Paris attacks: … (36 articles)". */
export function storyChoiceLabel(choice: { title: string; articles: number }): string {
  return `${choice.title} (${choice.articles} article${choice.articles === 1 ? '' : 's'})`;
}

/** Reply when a conversation starts following a story. */
export function followingStory(title: string): string {
  return `Following the story "${title}": questions here are answered from its coverage.`;
}

/** Reply to /story with no words and no story followed. */
export const STORY_USAGE = 'No story followed here. Type /story followed by words of its headline (or its number in /stories).';

/** Headline of a briefing of many stories: "Top 5 stories". */
export function topStoriesHeadline(count: number): string {
  return count === 1 ? 'Top story' : `Top ${count} stories`;
}

/** Headline of a briefing whose topic matches no story today. */
export function noStoryAboutHeadline(topic: string): string {
  return `No story on “${topic}” in the coverage`;
}
