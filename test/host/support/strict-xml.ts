// A strict reader of the XML subset JUnit reports use: a declaration, elements, double-quoted attributes, text and
// the five named entities plus character references. Anything else (an unclosed or mismatched tag, a raw `<` or
// `&`, a character XML forbids, an attribute given twice) throws, so a report it reads is well-formed XML.
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const NAME = /^[A-Za-z_][\w.-]*/u;

export function parseStrictXml(text: string): XmlElement {
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/u.test(text)) throw new Error('a character XML does not allow');
  let rest = text.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/u, '');
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (rest.length > 0) {
    if (rest.startsWith('</')) {
      const match = /^<\/([A-Za-z_][\w.-]*)>/u.exec(rest);
      const open = stack.pop();
      if (!match || !open || open.name !== match[1]) throw new Error(`mismatched closing tag at ${JSON.stringify(rest.slice(0, 30))}`);
      rest = rest.slice(match[0].length);
    } else if (rest.startsWith('<')) {
      const name = NAME.exec(rest.slice(1))?.[0];
      if (!name) throw new Error(`bad tag at ${JSON.stringify(rest.slice(0, 30))}`);
      rest = rest.slice(1 + name.length);
      const element: XmlElement = { name, attributes: {}, children: [], text: '' };
      for (let attribute = /^\s+([A-Za-z_][\w.-]*)="([^"<]*)"/u.exec(rest); attribute; attribute = /^\s+([A-Za-z_][\w.-]*)="([^"<]*)"/u.exec(rest)) {
        if (attribute[1]! in element.attributes) throw new Error(`attribute ${attribute[1]} given twice`);
        element.attributes[attribute[1]!] = decode(attribute[2]!);
        rest = rest.slice(attribute[0].length);
      }
      const end = /^\s*(\/?)>/u.exec(rest);
      if (!end) throw new Error(`bad end of tag ${name}`);
      rest = rest.slice(end[0].length);
      if (stack.length > 0) stack[stack.length - 1]!.children.push(element);
      else if (root) throw new Error('a second root element');
      else root = element;
      if (end[1] !== '/') stack.push(element);
    } else {
      const length = rest.indexOf('<') < 0 ? rest.length : rest.indexOf('<');
      const content = decode(rest.slice(0, length));
      if (stack.length > 0) stack[stack.length - 1]!.text += content;
      else if (content.trim() !== '') throw new Error('text outside the root element');
      rest = rest.slice(length);
    }
  }
  if (!root || stack.length > 0) throw new Error('the document is not closed');
  return root;
}

function decode(text: string): string {
  return text.replace(/&([^;]*);|&/gu, (whole: string, entity: string | undefined) => {
    if (entity === undefined) throw new Error('a raw "&"');
    if (entity in ENTITIES) return ENTITIES[entity]!;
    const code = /^#(\d+)$/u.exec(entity)?.[1];
    if (code === undefined) throw new Error(`unknown entity ${whole}`);
    return String.fromCodePoint(Number(code));
  });
}
