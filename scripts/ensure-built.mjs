// `npm start` builds the front ends and the database template when they are missing (e.g. after `npm ci --ignore-scripts`).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import process from 'node:process';

const needed = ['dist/widget/loader.js', 'dist/widget/chat.js', 'dist/dashboard/index.html', 'dist/db/template.tar.gz'];
if (!needed.every((f) => existsSync(f))) {
  process.stdout.write('Building the front ends (first start)…\n');
  execSync('npm run build', { stdio: 'inherit' });
}
