// The configuration of a duban installation: one table of settings (settings.ts), read from flags,
// environment and a KEY=value file, checked all at once (load.ts).
export { SETTINGS, LOG_LEVELS, type DubanConfig, type LogLevel, type SettingName } from './settings.js';
export { loadConfig, displayValue, signInOf, type LoadedConfig, type LoadOptions, type Source } from './load.js';
export { readConfigFile, parseConfigText } from './file.js';
export { storeConfigOf } from './store.js';
