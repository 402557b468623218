/**
 * A key to a drawn picture's marks, for the SVG file (a slide has no tooltips) and a notebook's picture: one row
 * under the picture with a sample of each state and drift mark the picture shows, and nothing for a mark it does
 * not show.
 */
import { textWidth, TEXT } from './appearance.js';
import type { DrawnElement } from './drawing.js';
import type { GraphLayout } from './layout-model.js';

/** The marks in the order the key shows them, each as the classes of its sample and its words. */
const MARKS: ReadonlyArray<{ mark: string; sample: string; words: string }> = [
  { mark: 'state-up', sample: 'interface state-up', words: 'up' },
  { mark: 'state-no-carrier', sample: 'interface state-no-carrier', words: 'no carrier' },
  { mark: 'state-down', sample: 'interface state-down', words: 'down' },
  { mark: 'state-planned', sample: 'interface state-planned', words: 'planned, not deployed' },
  { mark: 'leads-out', sample: 'interface state-up leads-out', words: 'leads out of the host' },
  { mark: 'drift-differs', sample: 'interface drift-differs', words: 'differs from the file' },
  { mark: 'drift-missing', sample: 'interface drift-missing', words: 'missing from the kernel' },
  { mark: 'drift-extra', sample: 'interface drift-extra', words: 'not in the file' },
];

const SAMPLE = { width: 18, height: 12, gap: 6, spacing: 12 } as const;
/** The row's height, with the room above it. */
const LEGEND_HEIGHT = 30;

/** The key's elements, placed under the picture; none when the picture shows no mark. */
export function drawLegend(layout: GraphLayout): DrawnElement[] {
  const shown = new Set([...layout.nodes, ...layout.namespaces, ...layout.links].flatMap((element) => element.appearance.split(' ')));
  const marks = MARKS.filter(({ mark }) => shown.has(mark));
  if (marks.length === 0) return [];
  const top = layout.height + 8;
  let x = 12;
  const children: DrawnElement[] = [];
  for (const { sample, words } of marks) {
    children.push(
      { tag: 'rect', className: sample, attributes: { x, y: top, width: SAMPLE.width, height: SAMPLE.height, rx: 3 } },
      { tag: 'text', className: 'detail', attributes: { x: x + SAMPLE.width + SAMPLE.gap, y: top + SAMPLE.height - 2 }, text: words },
    );
    x += SAMPLE.width + SAMPLE.gap + textWidth(words, TEXT.detailSize) + SAMPLE.spacing;
  }
  return [{ tag: 'g', className: 'legend', attributes: { 'data-id': 'legend' }, children }];
}

/** The size of a drawing of the picture with its key: as wide as the wider of the two, and tall enough for both. */
export function drawingSize(layout: GraphLayout, legend: readonly DrawnElement[]): { width: number; height: number } {
  return { width: Math.ceil(Math.max(layout.width, legendWidth(legend))) + 8, height: Math.ceil(layout.height) + (legend.length > 0 ? LEGEND_HEIGHT : 0) };
}

/** How wide the key is. */
function legendWidth(legend: readonly DrawnElement[]): number {
  const last = legend[0]?.children?.at(-1);
  if (!last || last.text === undefined) return 0;
  return Number(last.attributes.x) + textWidth(last.text, TEXT.detailSize) + 12;
}
