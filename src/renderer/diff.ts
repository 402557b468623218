/**
 * From a cell's diff (the DIFF_MIME payload) to a table description: one row per change, its action in words and
 * colour, what changed, where, and how. Pure, like `tables.ts`.
 */
import type { StateChange, StateDiff } from '../core/state/diff.js';
import type { TableDescription } from './tables.js';

/** The diff's mime type, spelt out as the renderer imports only types from the core; its unit test pins it. */
export const DIFF_MIME_TYPE = 'application/vnd.netns-lab.diff+json';

const ACTION_TEXT: Record<StateChange['action'], string> = { added: '+ added', removed: '− removed', changed: '~ changed', moved: '→ moved' };

/** The changes table. Missing fields are drawn empty rather than failing, as the payload crossed a process boundary. */
export function describeDiff(payload: StateDiff): TableDescription {
  const changes = Array.isArray(payload.changes) ? payload.changes : [];
  const namespaces = Array.isArray(payload.namespaces) ? payload.namespaces.join(', ') : '';
  return {
    columns: ['Change', 'Object', 'Namespace', 'What', 'Details'],
    rows: changes.map((change) => [
      { text: ACTION_TEXT[change.action] ?? String(change.action), className: `diff-${change.action}` },
      { text: change.object ?? '' },
      { text: change.namespace ?? '', className: 'name' },
      { text: change.subject ?? '', className: 'mono' },
      { text: Array.isArray(change.details) ? change.details.join(', ') : '', className: 'message' },
    ]),
    caption: changes.length === 0 ? `What this cell changed: nothing, in ${namespaces}` : `What this cell changed in ${namespaces}: ${changes.length} ${changes.length === 1 ? 'change' : 'changes'}`,
  };
}
