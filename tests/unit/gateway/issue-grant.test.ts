import { generateKeyPairSync } from 'node:crypto';
import { grantFor } from '../../../gateway/delegation/issue-grant';
import type { GatewayContext } from '../../../gateway/gateway-context';
import { encodeIdentity, verifyDelegationGrant } from '../../../lib/auth';
import { EVERYTHING_CALLER } from '../../support/test-identity';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const identity = encodeIdentity(EVERYTHING_CALLER);
const client: GatewayContext = { requestId: 'req-7', caller: EVERYTHING_CALLER, delegatedTo: null };
const MUTATION = 'mutation Submit__public_services__0($input:SubmitDossierInput!){submitDossier(input:$input){code}}';

describe('The gateway\'s delegation grants', () => {
  it('go with a mutation it forwards for a client, naming the subgraph, the request and the caller', () => {
    const grant = grantFor(privateKey, client, identity, 'public-services', MUTATION)!;
    expect(verifyDelegationGrant(publicKey, grant)).toEqual(expect.objectContaining({ identity, requestId: 'req-7', audience: 'public-services' }));
  });

  it('never go with a query', () => {
    expect(grantFor(privateKey, client, identity, 'residents', 'query Profile__residents__0{citizen(personalId:"001198000001"){fullName}}')).toBeNull();
    expect(grantFor(privateKey, client, identity, 'residents', '{_entities(representations:[]){__typename}}')).toBeNull();
  });

  it('are never issued for a request that itself came under a grant: no chains', () => {
    expect(grantFor(privateKey, { ...client, delegatedTo: 'payments' }, identity, 'public-services', MUTATION)).toBeNull();
  });
});
