import pkg from '../../package.json' with { type: 'json' };

/** The tool's version, from package.json (bundled in at build time). */
export const APP_VERSION: string = pkg.version;
