// Where a file may run decides what it may import: Signal Desktop's file-suffix rule
// (.eslint/rules/file-suffix.js) is the model, with our folders in place of their suffixes.
// Each folder lists the npm packages it may use (an allow-list: a new package is a deliberate
// edit here, not an accident) and the folders of this repository it may reach. Relative paths are
// resolved, so `../desktop/x` from electron/core is caught however many `../` it takes.
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';

const builtins = new Set(builtinModules);

/** The package an import names (`@mantine/core/styles.css` → `@mantine/core`), or `node:*` for a builtin. */
export function packageOf(source) {
  if (source.startsWith('node:') || builtins.has(source.split('/')[0])) return 'node:*';
  const parts = source.split('/');
  return source.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** True when `name` is allowed by a list whose entries are names or `@scope/*`. */
function allowed(name, list) {
  return list.some((entry) => entry === name || (entry.endsWith('/*') && name.startsWith(entry.slice(0, -1))));
}

/** True when repository path `path` is the folder or file `area` or inside it. */
function within(path, area) {
  return path === area || path.startsWith(`${area}/`) || path.startsWith(`${area}.`);
}

/** @type {import('eslint').Rule.RuleModule} */
export const importBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Each runtime folder imports only its allowed packages and folders.' },
    schema: [
      {
        type: 'object',
        properties: {
          area: { type: 'string' },
          packages: { type: 'array', items: { type: 'string' } },
          folders: { type: 'array', items: { type: 'string' } },
        },
        required: ['area', 'folders'],
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const { area, packages, folders } = context.options[0];
    const root = context.cwd;
    const here = dirname(context.filename);

    function check(node, source) {
      if (typeof source !== 'string') return;
      if (source.startsWith('.')) {
        const target = relative(root, resolve(here, source)).split(sep).join('/');
        if (target.startsWith('..') || folders.some((folder) => within(target, folder))) return;
        context.report({ node, message: `${area} may reach only ${folders.join(', ')}: '${source}' is ${target}.` });
        return;
      }
      if (!packages) return;
      const name = packageOf(source);
      if (allowed(name, packages)) return;
      const what = name === 'node:*' ? `Node's '${source}'` : `'${name}'`;
      context.report({ node, message: `${area} may import only ${packages.join(', ')} (eslint.config.mjs): not ${what}.` });
    }

    const fromSource = (node) => check(node, node.source?.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source.value : undefined),
    };
  },
};
