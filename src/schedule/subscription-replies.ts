import type { State } from '../state/state.ts';
import type { Subscription } from '../state/subscriptions.ts';
import type { Delivery } from '../state/deliveries.ts';
import { SUBSCRIPTION_MESSAGES, badTimeMessage, badTimezoneMessage, subscribedMessage, subscriptionStatusMessage } from '../wording/messages.ts';
import { isValidTimezone, localDateTime, nextDailyRun, parseTimeOfDay } from './local-time.ts';

/**
 * Subscription management for the chat commands (`/digest subscribe [time] [timezone]`,
 * `/digest unsubscribe`, `/digest status`): plain data plus the worded reply, so adapters only format.
 */

/** Characters of a subscription's topic kept (story ids and a few keywords). */
const MAX_TOPIC_CHARS = 100;

/** Defaults for a subscription that names no time or timezone (DIGEST_TIME, DIGEST_TIMEZONE). */
export interface DigestDefaults {
  time: string;
  timezone: string;
}

/** The result of a subscription command. */
export interface SubscriptionReply {
  /** False when the input was unusable or there is no state database. */
  ok: boolean;
  /** The channel's subscription after the command (null when none). */
  subscription: Subscription | null;
  /** ISO instant of the next briefing, null when none is scheduled. */
  nextAt: string | null;
  /** The last briefing sent to the channel, or null. */
  lastDelivery: Delivery | null;
  /** The reply to show, worded for people. */
  message: string;
}

/**
 * Subscribes a channel (or changes its time and timezone, and resumes it when paused).
 * @param time - 'HH:MM', '8am'…; default `defaults.time`
 * @param timezone - IANA name; default `defaults.timezone`
 * @example subscribeChannel(state, { time: '08:00', timezone: 'UTC' }, 'slack', 'C1', '7:30', 'Europe/Paris', new Date())
 */
export function subscribeChannel(
  state: State | null,
  defaults: DigestDefaults,
  platform: string,
  channel: string,
  time: string | null | undefined,
  timezone: string | null | undefined,
  now: Date,
  topic: string | null = null,
): SubscriptionReply {
  if (!state) return fail(SUBSCRIPTION_MESSAGES.unavailable);
  const rawTime = time?.trim() || defaults.time;
  const parsed = parseTimeOfDay(rawTime);
  if (!parsed) return fail(badTimeMessage(rawTime));
  const zone = timezone?.trim() || defaults.timezone;
  if (!isValidTimezone(zone)) return fail(badTimezoneMessage(zone));
  const about = topic?.trim().replace(/\s+/g, ' ').slice(0, MAX_TOPIC_CHARS) || null;
  const subscription = state.subscriptions.upsert(platform, channel, parsed, zone, now, about);
  const next = nextDailyRun(parsed, zone, now);
  return {
    ok: true,
    subscription,
    nextAt: next?.toISOString() ?? null,
    lastDelivery: state.deliveries.lastSent(subscription.id),
    message: subscribedMessage(parsed, zone, next ? localDateTime(next, zone) : null, about),
  };
}

/** Unsubscribes a channel. */
export function unsubscribeChannel(state: State | null, platform: string, channel: string): SubscriptionReply {
  if (!state) return fail(SUBSCRIPTION_MESSAGES.unavailable);
  const removed = state.subscriptions.remove(platform, channel);
  return {
    ok: true,
    subscription: null,
    nextAt: null,
    lastDelivery: null,
    message: removed ? SUBSCRIPTION_MESSAGES.unsubscribed : SUBSCRIPTION_MESSAGES.notSubscribed,
  };
}

/** The subscription of a channel, its next and last briefing. */
export function subscriptionStatus(state: State | null, platform: string, channel: string, now: Date): SubscriptionReply {
  if (!state) return fail(SUBSCRIPTION_MESSAGES.unavailable);
  const subscription = state.subscriptions.get(platform, channel);
  if (!subscription) return { ok: true, subscription: null, nextAt: null, lastDelivery: null, message: SUBSCRIPTION_MESSAGES.notSubscribed };
  const next = subscription.paused ? null : nextDailyRun(subscription.time, subscription.timezone, now);
  const last = state.deliveries.lastSent(subscription.id);
  return {
    ok: true,
    subscription,
    nextAt: next?.toISOString() ?? null,
    lastDelivery: last,
    message: subscriptionStatusMessage(subscription, next ? localDateTime(next, subscription.timezone) : null, last),
  };
}

function fail(message: string): SubscriptionReply {
  return { ok: false, subscription: null, nextAt: null, lastDelivery: null, message };
}
