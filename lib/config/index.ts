export { loadConfig, perSubgraph, setting, subgraphEnvName, values, ConfigError, type Setting, type ConfigOf, type PerSubgraphSetting } from './define-config';
export { settings, subgraphSettings } from './settings';
