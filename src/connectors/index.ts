import type { SourceConfig } from '../sources.js';
import type { Connector } from './connector.js';
import { filesConnector } from './files.js';
import { mysqlConnector } from './mysql.js';
import { postgresConnector } from './postgres.js';
import { sqliteConnector } from './sqlite.js';

/** Makes the connector for a source config. Connectors connect lazily, on first use. */
export function createConnector(source: SourceConfig): Connector {
  switch (source.kind) {
    case 'postgres':
      return postgresConnector(source);
    case 'mysql':
      return mysqlConnector(source);
    case 'sqlite':
      return sqliteConnector(source);
    case 'files':
      return filesConnector(source);
  }
}

export type { Connector, ConnectorStats, DiscoverOptions, SampleOptions } from './connector.js';
export { filesConnector, mysqlConnector, postgresConnector, sqliteConnector };
