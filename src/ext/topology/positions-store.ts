/**
 * Where the user dragged a picture's nodes, in a side file of ours (never in the topology file): beside a topology
 * file in `.netns-lab/NAME.positions.json`, else in the extension's storage (see view-model/topology-positions.ts).
 * Writes wait a moment, so a drag is one write.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Log } from '../log.js';
import type { TopologySubject } from '../view-model/topology-arguments.js';
import type { TopologyPositions } from '../view-model/topology-messages.js';
import { formatPositions, parsePositions, positionsFileOf, storedPositionsName } from '../view-model/topology-positions.js';

const WRITE_DELAY_MS = 300;

export class PositionsStore {
  private timer: NodeJS.Timeout | undefined;
  private latest: TopologyPositions | undefined;

  constructor(
    readonly file: string,
    private readonly log: Log,
  ) {}

  /** The side file of a subject: beside its topology file, or in `storageFolder`. */
  static of(subject: TopologySubject, storageFolder: string, log: Log): PositionsStore {
    const file = subject.file !== undefined ? positionsFileOf(subject.file) : join(storageFolder, 'topology-positions', storedPositionsName(subject.targetId, subject.lab));
    return new PositionsStore(file, log);
  }

  /** The positions kept; none when there is no file yet. */
  async load(): Promise<TopologyPositions> {
    try {
      return parsePositions(await readFile(this.file, 'utf8'));
    } catch {
      return {};
    }
  }

  save(positions: TopologyPositions): void {
    this.latest = positions;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), WRITE_DELAY_MS);
  }

  /** Writes what waits now (tests, and a panel closing). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    const positions = this.latest;
    this.latest = undefined;
    if (!positions) return;
    try {
      await mkdir(dirname(this.file), { recursive: true });
      await writeFile(this.file, formatPositions(positions));
    } catch (error) {
      this.log.warn(`Could not keep the picture's positions in ${this.file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
