import type { GraphConfig } from '../config.js';
import { createGraphAccess, type GraphAccess } from './graph-client.js';
import { GraphTokens } from './graph-tokens.js';

export interface GraphRuntime {
  config: GraphConfig;
  /** Null when no app credentials are configured (embedded mode): features stay local. */
  graph: GraphAccess | null;
}

const runtimes = new WeakMap<GraphConfig, GraphRuntime>();

/** One token cache and Graph access per configuration, shared by documents and meetings. */
export function graphRuntime(config: GraphConfig): GraphRuntime {
  let runtime = runtimes.get(config);
  if (!runtime) {
    runtime = { config, graph: config.credentials ? createGraphAccess(new GraphTokens(config.credentials, config.baseUrl), config.baseUrl) : null };
    runtimes.set(config, runtime);
  }
  return runtime;
}
