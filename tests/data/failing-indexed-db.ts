/** Stand-ins for an IndexedDB the browser will not open (old browser, private window, blocked storage). */

/** A factory whose opening request fails a moment later. */
export const openFailingLater = {
  open() {
    const request = { error: new DOMException('Access denied', 'InvalidStateError') } as unknown as IDBOpenDBRequest;
    setTimeout(() => request.onerror?.(new Event('error')), 0);
    return request;
  },
} as unknown as IDBFactory;

/** A factory that throws as soon as it is asked to open a database. */
export const openThrowing = {
  open() {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  },
} as unknown as IDBFactory;
