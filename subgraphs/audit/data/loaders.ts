import DataLoader from 'dataloader';
import { groupByKeys, type Database } from '../../../lib/db';
import type { AccessRecord } from '../types/access-record.type';
import { findLatestByCitizens, toAccessRecord, type CitizenLogKey } from './access-record.repository';
import type { Tables } from './tables';

const keyText = (key: CitizenLogKey) => `${key.first}:${key.atFrom?.toISOString() ?? ''}:${key.atBefore?.toISOString() ?? ''}:${key.personalId}`;

/** Per-request loaders: the access logs of one resolver tick in one SQL statement. */
export function createLoaders(db: Database<Tables>) {
  return {
    /** The newest `first` records about a citizen (within a period, when given), newest first. */
    accessLog: new DataLoader<CitizenLogKey, AccessRecord[], string>(
      async (keys) => {
        const rows = await findLatestByCitizens(db, keys);
        return groupByKeys(keys.map(keyText), rows, (row) => [keyText(row)]).map((group) => group.map(toAccessRecord));
      },
      { cacheKeyFn: keyText },
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
