/**
 * A cell's picture (the cell option `picture`, see picture-option.ts): once the cell ran, the network it names is
 * read from its host: the notebook's own lab (marked against its file), a deployed lab by name, or every namespace. The editor lays it out
 * and shows it as a picture (`picturePayload`); `netns-lab run` prints it as Mermaid.
 */
import { drawLayout } from '../graph/drawing.js';
import { drawingSize, drawLegend } from '../graph/legend.js';
import { layoutGraph } from '../graph/layout.js';
import type { NetworkGraph } from '../graph/model.js';
import { readGraph, readTopologyGraph } from '../graph/read.js';
import { InvalidArgumentError } from '../errors.js';
import type { Host } from '../host/host.js';
import { loadTopologyFile } from '../topology/load.js';
import type { NotebookOptions } from './model.js';
import { notebookTopologyPath } from './notebook-lab.js';
import type { PictureSubject } from './picture-option.js';
import type { TopologyPayload } from './picture-payload.js';

export { TOPOLOGY_MIME, type TopologyPayload } from './picture-payload.js';

export interface CellPicture {
  /** What it shows, in words: `lab NAME`, `every namespace of TARGET`. */
  title: string;
  graph: NetworkGraph;
}

/**
 * Reads the picture a cell asks for. `notebookDirectory` is the notebook file's folder, which its topology's path
 * is relative to. Throws NotFoundError for a lab that is not deployed, InvalidArgumentError for `picture=true` in
 * a notebook that names no topology.
 */
export async function readCellPicture(host: Host, subject: PictureSubject, notebook: NotebookOptions, notebookDirectory: string | undefined): Promise<CellPicture> {
  if (subject.kind === 'host') return { title: `every namespace of ${host.label}`, graph: await readGraph(host) };
  if (subject.kind === 'lab') return { title: `lab ${subject.lab}`, graph: await readGraph(host, subject.lab) };
  const path = notebookTopologyPath(notebook, notebookDirectory);
  if (path === undefined) {
    throw new InvalidArgumentError("picture=true draws the notebook's lab, and this notebook names no topology: write picture=host for every namespace, or picture=LAB for a deployed lab");
  }
  // The notebook's own lab is drawn against its file: what a cell changed behind the file's back is marked as drift.
  const topology = await loadTopologyFile(path);
  const { graph, deployed } = await readTopologyGraph(host, topology);
  return { title: deployed ? `lab ${topology.lab}` : `lab ${topology.lab} as planned (not deployed)`, graph };
}

/** The picture laid out and drawn, for the notebook's renderer. */
export async function picturePayload(picture: CellPicture): Promise<TopologyPayload> {
  const layout = await layoutGraph(picture.graph);
  const legend = drawLegend(layout);
  return { title: picture.title, graph: picture.graph, layout, drawing: [...drawLayout(layout), ...legend], size: drawingSize(layout, legend) };
}
