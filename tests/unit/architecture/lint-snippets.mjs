/**
 * Helper for layers.test.ts: lints in-memory snippets with the project's
 * real eslint.config.mjs and prints the results as JSON. It runs in its own
 * Node process because ESLint loads the flat config with a dynamic
 * `import()`, which Jest's CommonJS runtime refuses without
 * --experimental-vm-modules.
 *
 *   echo '[{"filePath":"common/x.ts","code":"…"}]' | node lint-snippets.mjs
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const snippets = JSON.parse(readFileSync(0, 'utf8'));
const eslint = new ESLint({ cwd: root });
const out = [];
for (const { filePath, code } of snippets) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  out.push({
    filePath,
    messages: (result?.messages ?? []).map((m) => ({ ruleId: m.ruleId, severity: m.severity, message: m.message, line: m.line })),
  });
}
process.stdout.write(JSON.stringify(out));
