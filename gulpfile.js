const { src, dest, parallel } = require('gulp');

// tsc emits only JavaScript; node and credential icons are referenced as files from dist/.
function buildIcons() {
	return src('icons/*.svg').pipe(dest('dist/icons'));
}

// The codex files (<Node>.node.json: categories, documentation links) must sit next to each
// compiled node file for n8n to read them.
function buildCodex() {
	return src('nodes/**/*.node.json', { base: '.' }).pipe(dest('dist'));
}

exports['build:icons'] = buildIcons;
exports['build:codex'] = buildCodex;
exports.build = parallel(buildIcons, buildCodex);
