// Nx loads generator factories with a plain require(). This workspace runs TypeScript through
// tsx (no swc-node or ts-node installed), so this entry loads the TypeScript generators with
// tsx, resolving the @platform/* path aliases of tsconfig.base.json.
const { join } = require('node:path');

process.env.TSX_TSCONFIG_PATH ??= join(__dirname, '..', '..', 'tsconfig.base.json');
const tsx = require('tsx/cjs/api');

const load = (path, name) =>
  async function generator(tree, options) {
    return tsx.require(path, __filename)[name](tree, options);
  };

module.exports = {
  serviceGenerator: load('./src/generators/service/generator.ts', 'serviceGenerator'),
  environmentGenerator: load('./src/generators/environment/generator.ts', 'environmentGenerator'),
  stackFamilyGenerator: load('./src/generators/stack-family/generator.ts', 'stackFamilyGenerator'),
};
