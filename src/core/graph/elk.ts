/**
 * ELK (elkjs), loaded on the first layout and made once: its 1.6 MB are not read until a picture is laid out (the
 * extension's and the command line's bundles load it from `dist/elk.cjs`, shipped once for both), and making an
 * instance costs tens of milliseconds, which each layout used to pay.
 */
import type { ElkNode } from 'elkjs/lib/elk-api.js';

interface Elk {
  layout(graph: ElkNode): Promise<ElkNode>;
}

let elk: Promise<Elk> | undefined;

/** Lays out an ELK graph with the one instance. */
export async function elkLayout(graph: ElkNode): Promise<ElkNode> {
  return (await loadElk()).layout(graph);
}

/** Loads ELK and makes its instance now, so that a layout soon after does not wait for it. */
export function preloadElk(): void {
  void loadElk().catch(() => undefined);
}

function loadElk(): Promise<Elk> {
  elk ??= import('elkjs/lib/elk.bundled.js').then((loaded) => {
    // Node gives the module's exports as the default, a bundle their `default`: the constructor either way.
    const exported = loaded.default as unknown as { new (): Elk; default?: new () => Elk };
    const Constructor = typeof exported.default === 'function' ? exported.default : exported;
    return new Constructor();
  });
  return elk;
}
