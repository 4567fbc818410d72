// Types for the part of the `punycode` package (RFC 3492, mths.be/punycode) we use; it ships none.
declare module 'punycode/punycode.js' {
  const punycode: {
    toUnicode(domain: string): string;
    toASCII(domain: string): string;
  };
  export default punycode;
}
