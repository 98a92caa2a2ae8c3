// Nx loads executors with a plain require(), like generators (see generators.cjs): this entry
// loads the TypeScript executors with tsx.
const { join } = require('node:path');

process.env.TSX_TSCONFIG_PATH ??= join(__dirname, '..', '..', 'tsconfig.base.json');
const tsx = require('tsx/cjs/api');

const synth = () => tsx.require('./src/executors/synth/executor.ts', __filename);

module.exports = {
  synthExecutor: (options, context) => synth().synthExecutor(options, context),
  synthBatchExecutor: (taskGraph, options, overrides, context) =>
    synth().synthBatchExecutor(taskGraph, options, overrides, context),
};
