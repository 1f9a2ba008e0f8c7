// `npm test` drives Debian's Chromium for the browser tests: install it when it is missing and we
// may (root on Debian, as on this project's machines); otherwise say what to do.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import process from 'node:process';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    process.stdout.write('Installing Chromium for the browser tests (apt-get install chromium)…\n');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
      stdio: 'inherit',
    });
  } else {
    process.stderr.write(
      `Chromium is needed for the browser tests: install it (e.g. apt-get install chromium) or set CHROMIUM_PATH.\n`,
    );
    process.exit(1);
  }
}
