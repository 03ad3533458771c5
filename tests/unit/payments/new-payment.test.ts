import { INTERMEDIARIES, PAYMENT_METHODS } from '../../../lib/domain';
import type { Caller } from '../../../lib/subgraph';
import { intermediaryFor, payerOf } from '../../../subgraphs/payments/rules/new-payment';

const caller = (subject: string): Caller => ({ subject, role: 'citizen', scopes: [], jurisdiction: { kind: 'national' }, purpose: null });

describe('a new payment', () => {
  it("goes through one of its method's intermediaries, the same one for the same key", () => {
    for (const method of PAYMENT_METHODS) {
      const chosen = intermediaryFor(method, 'key-1');
      expect(INTERMEDIARIES[method]).toContain(chosen);
      expect(intermediaryFor(method, 'key-1')).toBe(chosen);
    }
    const spread = new Set(Array.from({ length: 50 }, (_, i) => intermediaryFor('E_WALLET', `key-${i}`)));
    expect(spread).toEqual(new Set(INTERMEDIARIES.E_WALLET));
  });

  it('is paid by the calling citizen, or by nobody recorded when the caller is not a citizen', () => {
    expect(payerOf(null)).toBeNull();
    expect(payerOf(caller('001198000001'))).toBe('001198000001');
    expect(payerOf(caller('officer:hanoi:42'))).toBeNull();
  });
});
