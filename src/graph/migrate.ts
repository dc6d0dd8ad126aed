import { queryNames, statements } from './cypher.js';
import type { Db } from './db.js';

/** Applies every cypher/migrations/*.cypher file in name order. Each statement is idempotent. */
export async function migrate(db: Db, log: (line: string) => void = () => {}): Promise<number> {
  let count = 0;
  for (const name of queryNames('migrations/')) {
    for (const statement of statements(name)) {
      await db.runSchema(statement);
      count++;
    }
    log(`applied ${name}`);
  }
  await db.runSchema('CALL db.awaitIndexes(300)');
  return count;
}
