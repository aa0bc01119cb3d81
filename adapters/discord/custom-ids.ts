/**
 * The `custom_id` of newsdesk's Discord buttons: what a click asks for, and which stored reply it
 * refers to. Discord returns the id verbatim with the click, so it is parsed defensively.
 */

/** What a button asks for. `key` names the stored reply the button belongs to. */
export type ButtonAction =
  | { kind: 'more'; key: string; shown: number }
  | { kind: 'feedback'; key: string; helpful: boolean }
  | { kind: 'share'; key: string }
  /** "Which story?": follow the story whose id is `key`. */
  | { kind: 'story'; key: string };

/**
 * Encodes a button action as a `custom_id` (at most 100 characters).
 * @throws Error when the key is not a short id (letters, digits, `-`, `_`; 1–40 characters)
 * @example encodeButtonId({ kind: 'more', key: '1100000000000000010', shown: 3 }) // 'newsdesk:more:1100000000000000010:3'
 */
export function encodeButtonId(action: ButtonAction): string {
  if (!KEY.test(action.key)) throw new Error(`invalid button key: ${action.key}`);
  switch (action.kind) {
    case 'more':
      return `${PREFIX}more:${action.key}:${Math.max(0, Math.trunc(action.shown))}`;
    case 'feedback':
      return `${PREFIX}${action.helpful ? 'helpful' : 'unhelpful'}:${action.key}`;
    case 'share':
      return `${PREFIX}share:${action.key}`;
    case 'story':
      return `${PREFIX}story:${action.key}`;
  }
}

/**
 * Parses a `custom_id` made by {@link encodeButtonId}.
 * @returns the action, or null for any other or malformed id
 */
export function decodeButtonId(customId: string): ButtonAction | null {
  if (!customId.startsWith(PREFIX) || customId.length > 100) return null;
  const [kind, key, extra, ...rest] = customId.slice(PREFIX.length).split(':');
  if (key === undefined || !KEY.test(key) || rest.length > 0) return null;
  if (kind === 'more') {
    if (extra === undefined || !/^\d{1,4}$/.test(extra)) return null;
    return { kind: 'more', key, shown: Number(extra) };
  }
  if (extra !== undefined) return null;
  if (kind === 'helpful' || kind === 'unhelpful') return { kind: 'feedback', key, helpful: kind === 'helpful' };
  if (kind === 'share') return { kind: 'share', key };
  if (kind === 'story') return { kind: 'story', key };
  return null;
}

const PREFIX = 'newsdesk:';
const KEY = /^[\w-]{1,40}$/;
