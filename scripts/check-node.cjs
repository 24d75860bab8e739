'use strict';
// Fails fast, with one line, when a project script runs on a Node.js older than the one the
// project ships (node_modules/.bin/node, put first on the PATH by npm scripts).
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(
    `error: Node.js ${process.versions.node} is too old; the portal needs Node.js 24. ` +
      'Run it through npm (npm start, npm test), which uses the Node 24 that `npm ci` installs, ' +
      'or put node_modules/.bin first on your PATH.\n',
  );
  process.exit(1);
}
