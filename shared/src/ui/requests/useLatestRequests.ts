import { useEffect, useState } from 'react';
import { LatestRequests } from './latest-requests';

/**
 * One LatestRequests for the life of a component: requests of the same key outdate each other,
 * and those still running when the component goes away are aborted.
 */
export function useLatestRequests<K = string>(): LatestRequests<K> {
  const [requests] = useState(() => new LatestRequests<K>());
  useEffect(() => () => requests.cancel(), [requests]);
  return requests;
}
