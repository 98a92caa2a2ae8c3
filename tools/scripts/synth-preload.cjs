// The synth process's only preload: synth.mjs requires it first, and one app runs alone with
// `node --require ./tools/scripts/synth-preload.cjs apps/<app>/src/main.ts`. It registers tsx for
// our TypeScript (with tsconfig.base.json's path aliases) and takes four costs out of every synth
// that change nothing in the output (measured with --cpu-prof; README "Performance"):
//
// - Compiling cdktf and the provider modules again on every run. Node >= 22.1 keeps a V8 code
//   cache on disk (module.enableCompileCache; its default folder under the OS temporary folder,
//   or $NODE_COMPILE_CACHE; NODE_DISABLE_COMPILE_CACHE=1 turns it off). Node 20 has no such
//   cache and runs as before.
// - tsx on dependencies. tsx's CommonJS hook reads every .js file it loads and scans it for ESM
//   syntax, dependencies included (cdktf, and provider resources of up to 0.5 MB each). Files
//   under node_modules go to Node's own loader; tsx keeps our .ts files and its path mapping.
// - Source maps. tsx turns them on for the whole process, so Node decodes the inline source map
//   of every module it loads and maps every captured stack trace through them.
// - Token stack traces. cdktf captures a full stack trace (Error.stackTraceLimit = Infinity) for
//   every Lazy and Intrinsic token, thousands per stack, only to quote it if that token later
//   fails to resolve. App({ stackTraces: false }) already keeps traces out of the construct
//   metadata; cdktf has no switch for tokens.
//
// PLATFORM_DEBUG=1 keeps source maps and token traces, for a failing synth's full story.
'use strict';
const Module = require('node:module');
const { dirname, join, sep } = require('node:path');

Module.enableCompileCache?.();
process.env.TSX_TSCONFIG_PATH ??= join(__dirname, '..', '..', 'tsconfig.base.json');

// cdktf 0.21 (archived upstream) calls util.isArray in TerraformOutput, a runtime deprecation
// since Node 22 (DEP0044): every synth on the recommended Node (.nvmrc) would print it. Only that
// code is dropped; every other warning is printed as usual.
const emitWarning = process.emitWarning;
process.emitWarning = function emitWarningButDep0044(warning, ...rest) {
  const code = typeof rest[0] === 'object' && rest[0] !== null ? rest[0].code : rest[1];
  if (code === 'DEP0044') return;
  return emitWarning.call(this, warning, ...rest);
};

const nodeJs = Module._extensions['.js'];
require('tsx/cjs');
const tsxJs = Module._extensions['.js'];
const dependency = `${sep}node_modules${sep}`;
Module._extensions['.js'] = function loadJs(module, filename) {
  return (filename.includes(dependency) ? nodeJs : tsxJs).call(this, module, filename);
};

if (!process.env.PLATFORM_DEBUG) {
  process.setSourceMapsEnabled(false);
  // cdktf has no "exports" map: this is the very module object the tokens call into.
  const cdktf = dirname(require.resolve('cdktf/package.json', { paths: [process.cwd()] }));
  const stackTrace = require(join(cdktf, 'lib', 'tokens', 'private', 'stack-trace.js'));
  stackTrace.captureStackTrace = () => [];
}
