// Pretest step: the end-to-end tests drive Debian's Chromium (browsers cannot be downloaded by
// Playwright here). Finds it, or installs it with apt-get when running as root, or stops with
// the exact command to run.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
const found = candidates.find((path) => path && existsSync(path));
const packages = ['chromium', 'fonts-liberation', 'fonts-wqy-microhei'];
const installCommand = `apt-get update && apt-get install -y --no-install-recommends ${packages.join(' ')}`;

function fontsPresent() {
  try {
    const list = execFileSync('fc-list', [], { encoding: 'utf8' });
    return /wqy|WenQuanYi/i.test(list) && /Liberation/i.test(list);
  } catch {
    return false;
  }
}

if (found && fontsPresent()) {
  console.log(`ensure-chromium: using ${found}`);
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(
    `ensure-chromium: Chromium or its fonts are missing. Install them, then run npm test again:\n  sudo sh -c '${installCommand}'`,
  );
  process.exit(1);
}

console.log(`ensure-chromium: installing ${packages.join(', ')} with apt-get…`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], {
  stdio: 'inherit',
  env,
});
if (!candidates.some((path) => path && existsSync(path))) {
  console.error('ensure-chromium: apt-get finished but no chromium binary was found.');
  process.exit(1);
}
