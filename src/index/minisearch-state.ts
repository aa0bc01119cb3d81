import MiniSearch, { type Options } from 'minisearch';

/**
 * MiniSearch's index as plain data made of Maps and arrays, for the V8 serializer (`v8.serialize`
 * copies Maps natively, in C++). Saving and loading this state is about ten times faster than
 * MiniSearch's own `toJSON()` / `loadJS()`, which turn every posting list into an object with string
 * keys and back. It reads MiniSearch's internal fields (pinned to the 7.x layout): {@link importState}
 * checks what it can and throws on anything unexpected, so that callers rebuild instead.
 */

/** Layout version of {@link MiniSearchState}. */
const STATE_VERSION = 1;

/** The internal state of a MiniSearch index. */
export interface MiniSearchState {
  stateVersion: number;
  /** The radix tree of terms (SearchableMap's `_tree`): nested Maps, postings at the leaves. */
  tree: Map<string, unknown>;
  documentCount: number;
  nextId: number;
  documentIds: Map<number, unknown>;
  fieldIds: Record<string, number>;
  fieldLength: Map<number, number[]>;
  avgFieldLength: number[];
  storedFields: Map<number, Record<string, unknown>>;
  dirtCount: number;
}

/** The MiniSearch internals read and written here. */
interface Internals {
  _index: { _tree: Map<string, unknown>; constructor: new (tree: Map<string, unknown>) => unknown };
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, unknown>;
  _idToShortId: Map<unknown, number>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _storedFields: Map<number, Record<string, unknown>>;
  _dirtCount: number;
}

/**
 * Takes the state of an index (by reference: serialize it before changing the index again).
 * @throws Error when the index does not have the expected internal layout
 */
export function exportState<T>(mini: MiniSearch<T>): MiniSearchState {
  const m = internals(mini);
  return {
    stateVersion: STATE_VERSION,
    tree: m._index._tree,
    documentCount: m._documentCount,
    nextId: m._nextId,
    documentIds: m._documentIds,
    fieldIds: m._fieldIds,
    fieldLength: m._fieldLength,
    avgFieldLength: m._avgFieldLength,
    storedFields: m._storedFields,
    dirtCount: m._dirtCount,
  };
}

/**
 * Makes a MiniSearch index from a state saved by {@link exportState}.
 * @param options - the options the index was built with (analysis functions are not saved)
 * @throws Error when the state is malformed or of another layout version
 */
export function importState<T>(state: MiniSearchState, options: Options<T>): MiniSearch<T> {
  if (state?.stateVersion !== STATE_VERSION) throw new Error('MiniSearch state: unknown layout version');
  const { tree, documentIds, fieldLength, storedFields } = state;
  if (!(tree instanceof Map) || !(documentIds instanceof Map) || !(fieldLength instanceof Map) || !(storedFields instanceof Map)) {
    throw new Error('MiniSearch state: malformed maps');
  }
  if (!Number.isInteger(state.documentCount) || state.documentCount !== documentIds.size || !Number.isInteger(state.nextId)) {
    throw new Error('MiniSearch state: inconsistent document counts');
  }
  const mini = new MiniSearch<T>(options);
  const m = internals(mini);
  if (JSON.stringify(m._fieldIds) !== JSON.stringify(state.fieldIds)) throw new Error('MiniSearch state: fields differ from the options');
  const SearchableMap = m._index.constructor;
  const idToShortId = new Map<unknown, number>();
  for (const [shortId, id] of documentIds) idToShortId.set(id, shortId);
  Object.assign(m, {
    _index: new SearchableMap(tree),
    _documentCount: state.documentCount,
    _nextId: state.nextId,
    _documentIds: documentIds,
    _idToShortId: idToShortId,
    _fieldIds: state.fieldIds,
    _fieldLength: fieldLength,
    _avgFieldLength: state.avgFieldLength,
    _storedFields: storedFields,
    _dirtCount: state.dirtCount ?? 0,
  });
  return mini;
}

function internals<T>(mini: MiniSearch<T>): Internals {
  const m = mini as unknown as Internals;
  if (!(m._index?._tree instanceof Map) || !(m._documentIds instanceof Map) || !(m._fieldLength instanceof Map) || typeof m._fieldIds !== 'object') {
    throw new Error('MiniSearch state: unexpected internal layout (was minisearch upgraded?)');
  }
  return m;
}
