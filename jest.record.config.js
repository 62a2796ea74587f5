/** `npm run record:histories`: runs flows of the current workflow version and saves their histories for replay. */
const base = require('./jest.config.js').projects.find((p) => p.displayName === 'e2e');

module.exports = { ...base, displayName: 'record', testMatch: ['<rootDir>/test/**/*.record.ts'] };
