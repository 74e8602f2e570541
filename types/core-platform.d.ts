// What the matching core (src/core) may assume of the platform it runs on, for tsconfig.core.json.
// Every place the core runs (a page's content script, the service worker, Node for the CLI and
// tests) has URL; DOM nodes reach the core only as parameters (the live page's, or linkedom's in
// Node), and only the members below are read. There is no document, window, chrome or browser
// here on purpose: core code that reaches for them fails to type-check.

/** Base64 (claim vectors ship as base64 JSON); every runtime of the core has them. */
declare function btoa(data: string): string;
declare function atob(data: string): string;

declare class URL {
  constructor(url: string, base?: string);
  readonly href: string;
  readonly origin: string;
  readonly host: string;
  readonly hostname: string;
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  pathname: string;
  readonly search: string;
  hash: string;
}

/** A DOM node as text extraction walks it. */
interface Node {
  readonly nodeType: number;
  readonly firstChild: Node | null;
  readonly nextSibling: Node | null;
  readonly parentNode: Node | null;
  readonly childNodes: ArrayLike<Node> & Iterable<Node>;
}

interface Element extends Node {
  readonly localName: string;
  readonly tagName: string;
  hasAttribute(name: string): boolean;
  getAttribute(name: string): string | null;
}

interface Text extends Node {
  readonly data: string;
}

/** A shadow root whose content a host element shows (read in the flat tree). */
interface ShadowRoot extends Node {}

/** A same-origin frame's document, read in the frame's place. */
interface Document extends Node {
  readonly documentElement: Element | null;
}

/** A <slot>: read as the nodes assigned to it. */
interface HTMLSlotElement extends Element {
  assignedNodes?(): Node[];
}
