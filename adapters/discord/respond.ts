import { MessageFlags, type RepliableInteraction } from 'discord.js';
import { renderNoticeForDiscord, type DiscordMessage } from './render.ts';

/**
 * Answering interactions within Discord's 3-second window: reply at once when the payload is ready in
 * time, otherwise acknowledge with `deferReply` ("thinking…") and edit the reply when it is.
 */

/** The outcome of waiting a bounded time for a promise. */
type Settled<T> = { settled: true; ok: true; value: T } | { settled: true; ok: false; error: unknown } | { settled: false };

/**
 * Waits for `work` at most `ms` milliseconds, without leaving a timer behind.
 * @example await settleWithin(Promise.resolve(1), 100) // { settled: true, ok: true, value: 1 }
 */
async function settleWithin<T>(work: Promise<T>, ms: number): Promise<Settled<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Settled<T>>((resolve) => {
    timer = setTimeout(() => resolve({ settled: false }), ms);
  });
  try {
    return await Promise.race([
      work.then(
        (value): Settled<T> => ({ settled: true, ok: true, value }),
        (error: unknown): Settled<T> => ({ settled: true, ok: false, error }),
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Replies to an interaction with the payload `produce` makes: directly when it is ready within
 * `deferAfterMs`, else `deferReply` first and `editReply` once it is.
 * @param ephemeral - reply privately (only the user sees it)
 * @throws whatever `produce` or Discord throws; the caller answers the user with a failure notice
 */
export async function respondInTime(
  interaction: RepliableInteraction,
  options: { ephemeral: boolean; deferAfterMs: number },
  produce: () => DiscordMessage | Promise<DiscordMessage>,
): Promise<void> {
  const work = Promise.resolve().then(produce);
  const early = await settleWithin(work, options.deferAfterMs);
  const flags = options.ephemeral ? MessageFlags.Ephemeral : undefined;
  if (early.settled) {
    if (!early.ok) throw early.error;
    await interaction.reply({ ...early.value, flags });
    return;
  }
  await interaction.deferReply({ flags });
  await interaction.editReply(await work);
}

/**
 * Tells the user plainly that their request failed, however far the interaction got (not replied,
 * deferred, or already replied). Never throws.
 * @returns true when the notice was delivered
 */
export async function replyWithNotice(interaction: RepliableInteraction, text: string): Promise<boolean> {
  const payload = renderNoticeForDiscord(text);
  try {
    if (interaction.deferred && !interaction.replied) await interaction.editReply(payload);
    else if (interaction.replied || interaction.deferred) await interaction.followUp({ ...payload, flags: MessageFlags.Ephemeral });
    else await interaction.reply({ ...payload, flags: MessageFlags.Ephemeral });
    return true;
  } catch {
    return false;
  }
}
