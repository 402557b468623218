/**
 * Where a user dragged the nodes of a picture, kept in a side file of ours and never in the topology file: for
 * `DIR/x.netns.yaml`, `DIR/.netns-lab/x.positions.json`; for a target's or a deployed lab's picture, a file in the
 * extension's storage. The file is `{ "version": 1, "positions": { ID: { "x": N, "y": N } } }`.
 */
import { basename, dirname, join } from 'node:path';
import type { Point, TopologyPositions } from './topology-messages.js';

const TOPOLOGY_SUFFIX = '.netns.yaml';

/** The side file of a topology file's picture. */
export function positionsFileOf(topologyFile: string): string {
  const name = basename(topologyFile);
  const stem = name.endsWith(TOPOLOGY_SUFFIX) ? name.slice(0, -TOPOLOGY_SUFFIX.length) : name;
  return join(dirname(topologyFile), '.netns-lab', `${stem}.positions.json`);
}

/** The file name, in the extension's storage, of a target's picture (`lab` undefined) or a deployed lab's. */
export function storedPositionsName(targetId: string, lab?: string): string {
  const safe = (text: string): string => encodeURIComponent(text).replace(/[%*]/gu, '_');
  return `${safe(targetId)}${lab === undefined ? '' : `--lab-${safe(lab)}`}.positions.json`;
}

/**
 * The positions a side file holds; what is not a finite point is left out, and a file that is not ours (or not
 * JSON) gives none: a picture is then laid out afresh, and the file is replaced the next time a node is moved.
 */
export function parsePositions(text: string): TopologyPositions {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {};
  }
  const positions = isRecord(value) && value.version === 1 && isRecord(value.positions) ? value.positions : {};
  const kept: TopologyPositions = {};
  for (const [id, point] of Object.entries(positions)) if (isPoint(point)) kept[id] = { x: point.x, y: point.y };
  return kept;
}

/** The side file's text: ids sorted, so that it changes little and reads well in a diff. */
export function formatPositions(positions: TopologyPositions): string {
  const sorted: TopologyPositions = {};
  for (const id of Object.keys(positions).sort()) sorted[id] = { x: Math.round(positions[id]!.x), y: Math.round(positions[id]!.y) };
  return `${JSON.stringify({ version: 1, positions: sorted }, null, 2)}\n`;
}

function isPoint(value: unknown): value is Point {
  return isRecord(value) && typeof value.x === 'number' && typeof value.y === 'number' && Number.isFinite(value.x) && Number.isFinite(value.y);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
