// Types for html-encoding-sniffer (the package ships none): the WHATWG HTML encoding sniffing
// algorithm (byte-order mark, then a <meta charset> in the first 1024 bytes, then the default).
declare module 'html-encoding-sniffer' {
  export default function sniffHtmlEncoding(
    bytes: Uint8Array,
    options?: { xml?: boolean; transportLayerEncodingLabel?: string; defaultEncoding?: string },
  ): string;
}
