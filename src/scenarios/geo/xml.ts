/**
 * Enough XML for OpenStreetMap files, which are flat lists of elements with attributes: the
 * element tags in order, skipping the prolog, comments, CDATA and text. No DOM, so it runs in
 * Node tests and in the worker alike; nothing read is ever executed.
 */

export interface XmlTag {
  name: string;
  attributes: Record<string, string>;
  /** `</way>` */
  closing: boolean;
  /** `<nd ref="1"/>` */
  selfClosing: boolean;
  line: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the XML entities of an attribute value (named and numeric). */
export function decodeXmlEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (entity, body: string) => {
    if (body.startsWith('#x')) return safeCodePoint(parseInt(body.slice(2), 16), entity);
    if (body.startsWith('#')) return safeCodePoint(parseInt(body.slice(1), 10), entity);
    return ENTITIES[body] ?? entity;
  });
}

function safeCodePoint(code: number, fallback: string): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}

const XML_NAME = /^[A-Za-z_][\w:.-]*/;
/** One attribute exactly where the scan is (sticky): no search, so no quadratic backtracking. */
const ATTRIBUTE = /\s*([A-Za-z_:][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;
const SPACE_TO_END = /\s*$/y;

/** The attributes of a tag's body after its name, or null when something else is there. */
function xmlAttributes(body: string, from: number): Record<string, string> | null {
  const attributes: Record<string, string> = {};
  let at = from;
  for (;;) {
    SPACE_TO_END.lastIndex = at;
    if (SPACE_TO_END.test(body)) return attributes;
    ATTRIBUTE.lastIndex = at;
    const attribute = ATTRIBUTE.exec(body);
    if (!attribute) return null;
    attributes[attribute[1]] = decodeXmlEntities(attribute[2] ?? attribute[3] ?? '');
    at = ATTRIBUTE.lastIndex;
  }
}

const SKIPPED: [string, string][] = [
  ['<!--', '-->'],
  ['<![CDATA[', ']]>'],
  ['<?', '?>'],
  ['<!', '>'],
];

/** The element tags of an XML document in order; an error ends the sequence. */
export function* xmlTags(source: string): Generator<XmlTag | { error: string; line: number }> {
  let line = 1;
  let at = 0;
  const advanceTo = (end: number) => {
    for (let i = at; i < end; i++) if (source.charCodeAt(i) === 10) line++;
    at = end;
  };
  for (;;) {
    const open = source.indexOf('<', at);
    if (open < 0) return;
    advanceTo(open);
    if (source.charCodeAt(open + 1) === 33 || source.charCodeAt(open + 1) === 63) {
      // `<!` or `<?`
      for (const [start, end] of SKIPPED) {
        if (source.startsWith(start, open)) {
          const close = source.indexOf(end, open + start.length);
          if (close < 0) {
            yield { error: `${start} …`, line };
            return;
          }
          advanceTo(close + end.length);
          break;
        }
      }
    }
    if (at !== open) continue;
    const close = source.indexOf('>', open);
    if (close < 0) {
      yield { error: source.slice(open, open + 40), line };
      return;
    }
    // By hand, not one regular expression: a lazy match over a long tag backtracks (a tag with
    // 200,000 characters of attributes took 20 s).
    let body = source.slice(open + 1, close).trim();
    const closing = body.startsWith('/');
    if (closing) body = body.slice(1);
    const selfClosing = body.endsWith('/');
    if (selfClosing) body = body.slice(0, -1);
    const name = XML_NAME.exec(body)?.[0];
    if (!name) {
      yield { error: `<${body.slice(0, 40)}>`, line };
      return;
    }
    const attributes = xmlAttributes(body, name.length);
    if (!attributes) {
      yield { error: `<${body.slice(0, 40)}…>`, line };
      return;
    }
    yield { name, attributes, closing, selfClosing, line };
    advanceTo(close + 1);
  }
}
