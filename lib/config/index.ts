export { loadConfig, setting, values, ConfigError, type Setting, type ConfigOf } from './define-config';
export { settings, subgraphDatabaseUrlEnv } from './settings';
