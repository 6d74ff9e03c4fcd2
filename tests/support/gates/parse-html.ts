/** What the static gates read from a page's HTML, parsed once with htmlparser2 (not a gate itself). */
import { readFileSync, statSync } from 'node:fs';
import { Parser } from 'htmlparser2';

/** The scheme of an absolute URL ("https", "data", "mailto"), for the links and privacy gates. */
export const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** rel values of <link> that make the browser fetch (or connect to) the href. */
export const FETCHING_LINK_RELS = new Set([
  'stylesheet',
  'preload',
  'modulepreload',
  'prefetch',
  'prerender',
  'preconnect',
  'dns-prefetch',
  'icon',
  'apple-touch-icon',
  'apple-touch-icon-precomposed',
  'mask-icon',
  'manifest',
  'pingback',
  'webmention',
]);

/** A URL-bearing attribute found in a page. */
export interface UrlRef {
  tag: string;
  attr: string;
  value: string;
  /** rel of <link>, lower-cased tokens. */
  rel: string[];
}

interface ParsedPage {
  /** Every id, and every <a name>: the targets a #fragment can point at. */
  anchors: Set<string>;
  refs: UrlRef[];
  /** content of each <meta http-equiv="content-security-policy">, with whether it sits in <head> before any resource. */
  csp: Array<{ content: string; inHead: boolean; afterResource: string | undefined }>;
  /** Inline <script> bodies that are JavaScript (not JSON-LD, import maps, …). */
  inlineScripts: string[];
  /** Contents of <style> elements and style="" attributes. */
  styles: string[];
  /** Elements with a ping attribute (each ping sends a request when the link is followed). */
  pings: string[];
  /** The URL of a <meta http-equiv="refresh" content="0; url=…"> (a redirect page), if any. */
  refresh: string | undefined;
}

/** Attributes that hold one URL, by element. */
const URL_ATTRS: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src'],
  script: ['src'],
  iframe: ['src'],
  frame: ['src'],
  source: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  embed: ['src'],
  object: ['data'],
  input: ['src'],
  image: ['href', 'xlink:href'],
  use: ['href', 'xlink:href'],
  form: ['action'],
  blockquote: ['cite'],
  q: ['cite'],
  ins: ['cite'],
  del: ['cite'],
};
/** Attributes that hold a srcset (several URLs). */
const SRCSET_ATTRS: Record<string, string[]> = { img: ['srcset'], source: ['srcset'], link: ['imagesrcset'] };

const JS_SCRIPT_TYPES = new Set([
  '',
  'module',
  'text/javascript',
  'application/javascript',
  'application/ecmascript',
  'text/ecmascript',
]);

function srcsetUrls(value: string): string[] {
  return value
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter((url) => url !== '');
}

const parsedCache = new Map<string, { mtimeMs: number; size: number; parsed: ParsedPage }>();

/** Parses one page's HTML (cached per file and modification time). */
export function parsePage(file: string): ParsedPage {
  const stat = statSync(file);
  const cached = parsedCache.get(file);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.parsed;
  const parsed = parseHtml(readFileSync(file, 'utf8'));
  parsedCache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, parsed });
  return parsed;
}

/** Parses an HTML string with htmlparser2 into what the static gates need. */
export function parseHtml(html: string): ParsedPage {
  const out: ParsedPage = {
    anchors: new Set(),
    refs: [],
    csp: [],
    inlineScripts: [],
    styles: [],
    pings: [],
    refresh: undefined,
  };
  let inHead = false;
  let headSeen = false;
  let firstResource: string | undefined;
  let captureScript: string | undefined;
  let captureStyle: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'head') {
          inHead = true;
          headSeen = true;
        } else if (name === 'body') inHead = false;
        if (attribs.id !== undefined) out.anchors.add(attribs.id);
        if (name === 'a' && attribs.name !== undefined) out.anchors.add(attribs.name);
        if (attribs.style) out.styles.push(attribs.style);
        if (attribs.ping !== undefined) out.pings.push(`<${name} ping="${attribs.ping}">`);
        const rel = (attribs.rel ?? '').toLowerCase().split(/\s+/).filter(Boolean);
        for (const attr of URL_ATTRS[name] ?? []) {
          const value = attribs[attr];
          if (value !== undefined && !(name === 'input' && (attribs.type ?? '').toLowerCase() !== 'image')) {
            out.refs.push({ tag: name, attr, value: value.trim(), rel });
          }
        }
        for (const attr of SRCSET_ATTRS[name] ?? []) {
          const value = attribs[attr];
          if (value !== undefined)
            for (const url of srcsetUrls(value)) out.refs.push({ tag: name, attr, value: url, rel });
        }
        if (name === 'meta' && (attribs['http-equiv'] ?? '').toLowerCase() === 'refresh') {
          const url = /^\s*\d+(?:\.\d*)?\s*[;,]\s*(?:url\s*=\s*)?(['"]?)(.+?)\1\s*$/i.exec(attribs.content ?? '')?.[2];
          if (url) {
            out.refresh = url;
            out.refs.push({ tag: 'meta http-equiv=refresh', attr: 'content', value: url, rel: [] });
          }
        }
        if (name === 'meta' && (attribs['http-equiv'] ?? '').toLowerCase() === 'content-security-policy') {
          out.csp.push({ content: attribs.content ?? '', inHead: inHead || !headSeen, afterResource: firstResource });
        }
        if (name === 'script') {
          firstResource ??= '<script>';
          const type = (attribs.type ?? '').trim().toLowerCase();
          captureScript = attribs.src === undefined && JS_SCRIPT_TYPES.has(type) ? '' : undefined;
        }
        if (name === 'style') {
          firstResource ??= '<style>';
          captureStyle = '';
        }
        if (name === 'link' && attribs.href !== undefined && rel.some((r) => FETCHING_LINK_RELS.has(r)))
          firstResource ??= `<link rel="${attribs.rel ?? ''}">`;
        if (name === 'img' || name === 'iframe' || name === 'object' || name === 'embed') firstResource ??= `<${name}>`;
      },
      ontext(text) {
        if (captureScript !== undefined) captureScript += text;
        if (captureStyle !== undefined) captureStyle += text;
      },
      onclosetag(name) {
        if (name === 'head') inHead = false;
        if (name === 'script' && captureScript !== undefined) {
          out.inlineScripts.push(captureScript);
          captureScript = undefined;
        }
        if (name === 'style' && captureStyle !== undefined) {
          out.styles.push(captureStyle);
          captureStyle = undefined;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return out;
}
