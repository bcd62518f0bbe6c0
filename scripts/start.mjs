// `npm start`: builds what is missing or older than its sources (server, tab, Outlook task
// pane), then runs the server. Plain JavaScript so it runs before anything is compiled.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts;
const builds = [
  { script: 'build:api', output: 'dist/api/src/server.js', sources: ['api/src', 'bot/src'] },
  { script: 'build:tab', output: 'dist/tab/index.html', sources: ['tab', 'api/src/contract'] },
  { script: 'build:outlook', output: 'dist/outlook/taskpane.html', sources: ['outlook-addin', 'api/src/contract'] },
];

function newest(dir) {
  if (!existsSync(dir)) return 0;
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

for (const { script, output, sources } of builds) {
  if (!scripts[script]) continue;
  const built = existsSync(output) ? statSync(output).mtimeMs : 0;
  if (built && Math.max(...sources.map(newest)) <= built) continue;
  console.log(`Building ${script.slice('build:'.length)}…`);
  const result = spawnSync('npm', ['run', '--silent', script], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const server = spawn(process.execPath, ['--enable-source-maps', 'dist/api/src/server.js'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
