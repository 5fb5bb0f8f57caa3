import { SqliteAdapter, sql, type RawBuilder } from 'kysely';
import type { Db } from '../index.js';

/**
 * `column` (a units.path) lies in the subtree whose root path is `rootPath`. On SQLite a range
 * on the path is added: paths end in '/', '0' is the next byte after '/', and SQLite compares
 * text byte by byte, so [root, root-with-'0') is exactly the subtree, and the planner can start
 * from units' path index and read only the subtree's counters instead of all of a campaign's
 * (bench/, test/server/query-plans.test.ts). PostgreSQL keeps the prefix test alone: under a
 * linguistic collation its text order is not byte order.
 */
export function pathInSubtree(db: Db, column: string, rootPath: string): RawBuilder<boolean> {
  const col = sql.ref(column);
  const prefix = sql<boolean>`substr(${col}, 1, ${rootPath.length}) = ${rootPath}`;
  if (!(db.getExecutor().adapter instanceof SqliteAdapter) || !rootPath.endsWith('/'))
    return prefix;
  const upper = `${rootPath.slice(0, -1)}0`;
  return sql<boolean>`(${prefix} and ${col} >= ${rootPath} and ${col} < ${upper})`;
}
