#!/usr/bin/env node
// Exit 0 when node_modules holds exactly the versions package-lock.json pins, else print the first
// difference and exit 1. Reads installed package.json files rather than a stamp, so it also
// judges a node_modules that another checkout or a manual `npm install` produced.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const repo = path.resolve(__dirname, '../..');
const lock = JSON.parse(fs.readFileSync(path.join(repo, 'package-lock.json'), 'utf8'));
for (const [where, entry] of Object.entries(lock.packages ?? {})) {
	// optional entries are platform-specific builds npm skips on other platforms
	if (!where || entry.optional || entry.link) continue;
	let installed;
	try {
		installed = JSON.parse(fs.readFileSync(path.join(repo, where, 'package.json'), 'utf8')).version;
	} catch {
		console.log(`${where} is missing`);
		process.exit(1);
	}
	if (entry.version && installed !== entry.version) {
		console.log(`${where} is ${installed}, package-lock.json wants ${entry.version}`);
		process.exit(1);
	}
}
