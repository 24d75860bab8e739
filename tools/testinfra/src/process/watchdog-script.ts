/**
 * Source of the watchdog: a detached Node process that reads JSON lines on its standard
 * input. When that input closes without a prior {"op":"release"}, its parent is gone without
 * having cleaned up: it signals every tracked process, kills the ones still alive after 3 s,
 * and once they are all gone removes the runtime directory.
 */
export const WATCHDOG_SCRIPT = `
const { rmSync } = require('node:fs');
const tracked = new Map();
let dir;
let released = false;
let pending = '';
function apply(message) {
  if (message.op === 'track') tracked.set(message.pid, message.signal);
  else if (message.op === 'untrack') tracked.delete(message.pid);
  else if (message.op === 'dir') dir = message.path;
  else if (message.op === 'release') released = true;
}
function signal(pid, name) {
  try { process.kill(pid, name); return true; } catch (error) { if (error.code !== 'ESRCH') throw error; return false; }
}
function alive() {
  return [...tracked.keys()].filter((pid) => signal(pid, 0));
}
function whenGone(deadline, then) {
  if (alive().length === 0 || Date.now() > deadline) return then();
  setTimeout(() => whenGone(deadline, then), 100);
}
function cleanUp() {
  for (const [pid, name] of tracked) signal(pid, name);
  whenGone(Date.now() + 3000, () => {
    for (const pid of alive()) signal(pid, 'SIGKILL');
    whenGone(Date.now() + 5000, () => { if (dir) rmSync(dir, { recursive: true, force: true, maxRetries: 5 }); });
  });
}
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  pending += chunk;
  const lines = pending.split('\\n');
  pending = lines.pop();
  for (const line of lines) if (line) apply(JSON.parse(line));
});
process.stdin.on('end', () => { if (!released) cleanUp(); });
`;
