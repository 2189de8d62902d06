/**
 * file-type (an ES module) publishes its types through package.json `exports` only, which the
 * workspace's `node` module resolution does not read: this points TypeScript at the package's
 * own declarations. At run time `require('file-type')` loads the module itself (require(esm)).
 */
declare module 'file-type' {
  export * from 'file-type/source/index';
}
