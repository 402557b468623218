/**
 * A laid-out picture as a standalone SVG file, to open in a browser or put in a slide: a white background, a light
 * palette written as presentation attributes on each element (no stylesheet, so tools that ignore CSS draw it the
 * same), a tooltip on every element, and under it a key to the marks it shows. All text is escaped: names come from
 * the machine and may hold anything.
 */
import { drawLayout, type DrawnElement } from './drawing.js';
import { drawingSize, drawLegend } from './legend.js';
import type { GraphLayout } from './layout-model.js';

const FONT = 'Helvetica, Arial, sans-serif';

/** Presentation attributes per class, applied in the order of an element's classes: later classes win. */
const PALETTE: Record<string, Record<string, string>> = {
  'lab-box': { fill: '#f5f3ff', stroke: '#8b7fd1', 'stroke-dasharray': '6 4' },
  namespace: { fill: '#ffffff', stroke: '#9aa5b1' },
  'in-lab': { fill: '#eaf2fd', stroke: '#5b84c4' },
  root: { fill: '#f2f2ee', stroke: '#6b6b60', 'stroke-width': '1.5' },
  unnamed: { 'stroke-dasharray': '3 3' },
  title: { fill: '#2b3440', 'font-size': '13', 'font-weight': 'bold' },
  interface: { fill: '#ffffff', stroke: '#2e9d4f', 'stroke-width': '1.5' },
  'state-up': { stroke: '#2e9d4f' },
  'state-down': { fill: '#ececec', stroke: '#c0392b' },
  'state-no-carrier': { stroke: '#e0a100' },
  'state-planned': { stroke: '#7a7a7a', 'stroke-dasharray': '5 3' },
  bridge: { fill: '#fdf4dc', 'stroke-width': '2.5' },
  'leads-out': { 'stroke-width': '3' },
  dot: { stroke: 'none' },
  'out-mark': { fill: '#2b3440' },
  name: { fill: '#1d232b', 'font-size': '12', 'font-weight': 'bold' },
  detail: { fill: '#3d4753', 'font-size': '11' },
  external: { fill: '#ffffff', stroke: '#6b6b60', 'stroke-dasharray': '4 3' },
  link: { fill: 'none', stroke: '#4a5563', 'stroke-width': '1.5' },
  'link-port': { 'stroke-dasharray': '6 4' },
  'link-lower': { 'stroke-dasharray': '2 3' },
  'link-tunnel': { 'stroke-width': '3.5' },
  arrow: { fill: '#4a5563' },
  'subnet-box': { fill: '#ffffff', 'fill-opacity': '0.9', stroke: 'none' },
  subnet: { fill: '#4a5563', 'font-size': '11' },
  'drift-missing': { stroke: '#d32f2f', 'stroke-dasharray': '5 3', 'stroke-width': '2' },
  'drift-extra': { stroke: '#ef6c00', 'stroke-width': '2.5' },
  'drift-differs': { fill: '#fff3a8', stroke: '#b59a00', 'stroke-width': '2' },
};

/** The dots take their state's colour as fill, not as stroke. */
const DOT_FILL: Record<string, string> = { 'state-up': '#2e9d4f', 'state-down': '#c0392b', 'state-no-carrier': '#e0a100', 'state-planned': '#9a9a9a' };

/** The picture as SVG text, `title` said in the file's own `<title>`. */
export function toSvg(layout: GraphLayout, title = 'netns-lab network picture'): string {
  const legend = drawLegend(layout);
  const { width, height } = drawingSize(layout, legend);
  const lines = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...[...drawLayout(layout), ...legend].map((element) => elementText(element, '')),
    '</svg>',
  ];
  return lines.join('\n') + '\n';
}

function elementText(element: DrawnElement, indent: string): string {
  const attributes = { ...(element.className ? { class: element.className } : {}), ...presentation(element), ...element.attributes };
  const written = Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
  const inner: string[] = [];
  if (element.tooltip !== undefined) inner.push(`${indent}  <title>${escapeXml(element.tooltip)}</title>`);
  for (const child of element.children ?? []) inner.push(elementText(child, `${indent}  `));
  if (element.text !== undefined) return `${indent}<${element.tag}${written}>${escapeXml(element.text)}</${element.tag}>`;
  if (inner.length === 0) return `${indent}<${element.tag}${written}/>`;
  return [`${indent}<${element.tag}${written}>`, ...inner, `${indent}</${element.tag}>`].join('\n');
}

function presentation(element: DrawnElement): Record<string, string> {
  const classes = element.className?.split(' ') ?? [];
  const attributes: Record<string, string> = {};
  for (const name of classes) Object.assign(attributes, PALETTE[name]);
  if (classes.includes('dot')) attributes.fill = DOT_FILL[classes.find((name) => name.startsWith('state-')) ?? ''] ?? '#9a9a9a';
  return attributes;
}

/**
 * Text and attribute values as XML: the five special characters as entities, and characters XML 1.0 cannot hold
 * at all (control characters other than tab and line breaks, lone surrogates) as U+FFFD.
 */
export function escapeXml(text: string): string {
  return text.replace(/[\0-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]/gu, '\ufffd').replace(/[&<>"']/gu, (character) => ENTITIES[character]!);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
