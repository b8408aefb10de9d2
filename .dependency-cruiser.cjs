/**
 * The layer rules of src/ (see "How the code is laid out" in the README), checked by dependency-cruiser:
 *
 *   npm run deps
 *
 * Type-only imports are allowed across layers (they vanish at build time and load nothing); every other import,
 * dynamic ones too, counts. Circular dependencies count with type-only imports included.
 *
 * dependency-cruiser reads TypeScript with the TypeScript compiler's JavaScript API, and our TypeScript (7, the
 * native compiler) has none. So `npm run deps` loads this file first with `node --require`: the part below the
 * rules then hands dependency-cruiser a TypeScript 5 (package.json's devDependency "typescript-5", an npm alias of
 * typescript@5), and only dependency-cruiser. Loaded by dependency-cruiser as its configuration, the same file just gives the rules.
 */
const path = require('node:path');

/** Modules that fetch, or pull maplibre in: the elements reach them only through a type or an injected value. */
const BACKEND_THAT_FETCHES = '^src/backend/(?!types\\.ts$)';
const MAPLIBRE = '(^|/)node_modules/maplibre-gl/|^maplibre-gl(/|$)';
const MAP_WITH_MAPLIBRE = '^src/map/(pin-map|worker)\\.ts$';
const LIT = '(^|/)node_modules/(lit|lit-html|lit-element|@lit/[^/]+)/|^(lit|lit-html|lit-element|@lit/[^/]+)(/|$)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No module imports one that (through others) imports it, type-only imports included.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'elements-no-fetch',
      severity: 'error',
      comment:
        'src/elements/ never fetches: the backend modules (all but backend/types.ts) reach it only as types or ' +
        'through the Backend it is given.',
      from: { path: '^src/elements/' },
      to: { path: BACKEND_THAT_FETCHES, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'elements-no-maplibre',
      severity: 'error',
      comment: 'src/elements/ never loads maplibre-gl, nor map/pin-map.ts or map/worker.ts (which load it).',
      from: { path: '^src/elements/' },
      to: { path: [MAPLIBRE, MAP_WITH_MAPLIBRE], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'map-no-lit',
      severity: 'error',
      comment: 'src/map/ is maplibre and geometry only: no lit.',
      from: { path: '^src/map/' },
      to: { path: LIT },
    },
    {
      name: 'schema-only-schema-and-zod',
      severity: 'error',
      comment: 'src/schema/ imports nothing of ours but src/schema/, and of the packages only zod.',
      from: { path: '^src/schema/' },
      to: { pathNot: ['^src/schema/', '(^|/)node_modules/zod/', '^zod(/|$)'] },
    },
    {
      name: 'i18n-not-backend',
      severity: 'error',
      comment: 'src/i18n/ never imports src/backend/ (what both need lives in src/schema/).',
      from: { path: '^src/i18n/' },
      to: { path: '^src/backend/' },
    },
    {
      name: 'src-not-outside',
      severity: 'error',
      comment: 'src/ never imports the gateway, the demo or the tests.',
      from: { path: '^src/' },
      to: { path: '^(gateway|demo|test)/' },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules'] },
    // Type-only imports are dependencies too (for no-circular); rules that allow them say so.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'browser', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};

// --- A TypeScript compiler API for dependency-cruiser --------------------------------------------------------------

/** dependency-cruiser 17 takes TypeScript >=2 <7 (18 also 7.1+, but needs Node 22). */
function installTypeScriptForDependencyCruiser() {
  const Module = require('node:module');
  const { pathToFileURL } = require('node:url');
  // package.json's devDependency "typescript-5" (npm:typescript@5) is there for this alone.
  let found;
  try {
    found = path.dirname(require.resolve('typescript-5/package.json', { paths: [__dirname] }));
  } catch {
    found = undefined;
  }
  if (!found) {
    throw new Error(
      '.dependency-cruiser.cjs: the devDependency "typescript-5" is missing (npm install): dependency-cruiser reads .ts files only with a TypeScript < 7',
    );
  }
  const inCruiser = (file) => /[\\/]node_modules[\\/]dependency-cruiser[\\/]/.test(file ?? '');
  const isTypeScript = (request) => request === 'typescript' || request.startsWith('typescript/');

  // require('typescript/package.json') and require.resolve('typescript') (how it checks the version).
  const resolveFilename = Module._resolveFilename;
  Module._resolveFilename = function (request, parent, ...rest) {
    const redirected = isTypeScript(request) && inCruiser(parent?.filename);
    return resolveFilename.call(
      this,
      redirected ? found + request.slice('typescript'.length) : request,
      parent,
      ...rest,
    );
  };
  // import('typescript') (how it loads it).
  const main = pathToFileURL(require.resolve(found)).href;
  const hooks = `export async function resolve(specifier, context, next) {
    if (specifier === 'typescript' && /\\/node_modules\\/dependency-cruiser\\//.test(context.parentURL ?? ''))
      return { url: ${JSON.stringify(main)}, format: 'commonjs', shortCircuit: true };
    return next(specifier, context);
  }`;
  Module.register(`data:text/javascript,${encodeURIComponent(hooks)}`);
}

/** Whether this file is being preloaded by `node --require` (npm run deps), before dependency-cruiser starts. */
function preloaded() {
  const args = process.execArgv;
  return args.some((arg, i) => {
    const file = /^(--require|-r)$/.test(arg) ? args[i + 1] : /^--require=(.*)$/.exec(arg)?.[1];
    return file !== undefined && path.resolve(file) === __filename;
  });
}

if (!globalThis.__depcruiseTypeScript) {
  // Without the TypeScript above, dependency-cruiser skips every .ts file and finds "no violations".
  if (!preloaded()) throw new Error('.dependency-cruiser.cjs: run it with `npm run deps` (it needs `node --require`)');
  globalThis.__depcruiseTypeScript = true;
  installTypeScriptForDependencyCruiser();
}
