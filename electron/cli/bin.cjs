#!/usr/bin/env node
// The kim-akte command: runs the TypeScript CLI through tsx, so it works right after `npm install`.
const { register } = require('tsx/cjs/api');
register();
const { runCli } = require('./main.ts');
runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
