// Namespaces, interface names and veth pairs made with plain ip for one test at a time, under a test file's lab
// prefix, so that tests of one file never share an object; the lab's cleanup removes them all.
import { ip, type Lab } from './lab.js';

/** A link as `ip -d -j address show` reports it: kind, master and addresses. */
export interface IpLink {
  ifname: string;
  flags: string[];
  mtu: number;
  master?: string;
  linkinfo?: { info_kind?: string };
  addr_info?: Array<{ local: string; prefixlen: number }>;
}

/** `ip [-n NS] -d -j address show`: every link of a namespace (null: the root) with kind and addresses. */
export function links(namespace: string | null): IpLink[] {
  return JSON.parse(ip(...(namespace === null ? [] : ['-n', namespace]), '-d', '-j', 'address', 'show')) as IpLink[];
}

export function link(namespace: string | null, name: string): IpLink | undefined {
  return links(namespace).find((candidate) => candidate.ifname === name);
}

export interface FreshObjects {
  /** Fresh namespaces made with plain ip, unique to the calling test. */
  namespaces(count: number): string[];
  /** Fresh interface names, unique to the calling test. */
  interfaceNames(...suffixes: string[]): string[];
  /** Two namespaces joined by a veth made with plain ip: x in the first, y in the second. */
  joinedPair(): { a: string; b: string; x: string; y: string };
}

export function freshObjects(lab: Lab): FreshObjects {
  let counter = 0;
  const objects: FreshObjects = {
    namespaces(count) {
      const made = Array.from({ length: count }, (_, index) => lab.namespaceName(`${counter}${'abcdef'[index]}`));
      counter++;
      for (const name of made) ip('netns', 'add', name);
      return made;
    },
    interfaceNames(...suffixes) {
      const tag = counter.toString(36);
      counter++;
      return suffixes.map((suffix) => lab.interfaceName(`${tag}${suffix}`));
    },
    joinedPair() {
      const [a, b] = objects.namespaces(2) as [string, string];
      const [x, y] = objects.interfaceNames('x', 'y') as [string, string];
      ip('-n', a, 'link', 'add', 'name', x, 'type', 'veth', 'peer', 'name', y, 'netns', b);
      return { a, b, x, y };
    },
  };
  return objects;
}
