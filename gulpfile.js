const { src, dest } = require('gulp');

// tsc emits only JavaScript; node and credential icons are referenced as files from dist/.
function buildIcons() {
	return src('icons/*.svg').pipe(dest('dist/icons'));
}

exports['build:icons'] = buildIcons;
