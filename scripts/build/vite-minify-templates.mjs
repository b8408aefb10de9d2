// vite plugin: squeezes the whitespace out of lit's css`…` and html`…` templates in our own source. The JS
// minifier leaves template text alone, so every indented line of CSS and markup used to ship as written: about
// 400 bytes gzip of the 25 KB first screen. Only the static text between ${…} changes; sourcemaps stay exact
// (magic-string), and the tests run the unminified source, so a template that minifying would break fails there.
//
//   CSS:  comments go; runs of whitespace become one space, none around { } ; , > and after a colon that ends a
//         property name. `calc(a + b)` keeps its spaces (+ and - are not touched).
//   HTML: a run of whitespace that contains a line break becomes one space. Browsers already render a run of
//         whitespace between inline elements as one space; <pre> and textarea text are not used in templates.
import MagicString from 'magic-string';
import { parseAst } from 'vite';

export const minifyCss = (text) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/([\w-]):\s+/g, '$1:')
    .replace(/;}/g, '}');

export const minifyHtml = (text) => text.replace(/\s*\n\s*/g, ' ');

const walk = (node, visit) => {
  if (!node || typeof node.type !== 'string') return;
  visit(node);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const child of value) walk(child, visit);
    else if (value && typeof value === 'object' && typeof value.type === 'string') walk(value, visit);
  }
};

export function minifyTemplates() {
  return {
    name: 'minify-lit-templates',
    apply: 'build',
    // After TypeScript is stripped: the code is plain JS for the parser.
    enforce: 'post',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(css|html)`/.test(code)) return null;
      const s = new MagicString(code);
      walk(parseAst(code), (node) => {
        if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier') return;
        const minify = node.tag.name === 'css' ? minifyCss : node.tag.name === 'html' ? minifyHtml : undefined;
        if (!minify) return;
        for (const quasi of node.quasi.quasis) {
          const raw = code.slice(quasi.start, quasi.end);
          if (raw !== quasi.value.raw) throw new Error(`minify-lit-templates: unexpected template span in ${id}`);
          const out = minify(raw);
          if (out !== raw) s.overwrite(quasi.start, quasi.end, out || ' ');
        }
      });
      return s.hasChanged() ? { code: s.toString(), map: s.generateMap({ hires: true, source: id }) } : null;
    },
  };
}
