import { FEDERATION_LINK, PERSONAL } from './vaccinations';

/*
 * A driving-licence register that declares its access rules but does not check the gateway's
 * signature: still routable, but anyone who reaches it reads around the gateway, which the
 * gateway's /ready reports (and, in production, refuses to be ready with).
 */

export const licencesSdl = `${FEDERATION_LINK}
type Citizen @key(fields: "personalId") {
  personalId: ID! ${PERSONAL}
  drivingLicence: DrivingLicence ${PERSONAL}
}
type DrivingLicence { number: String! class: String! }`;

/** The resolvers of one licence register; `licenceClass` tells two instances apart. */
export const licencesResolvers = (licenceClass: string) => ({
  Citizen: {
    __resolveReference: (reference: { personalId: string }) => reference,
    drivingLicence: ({ personalId }: { personalId: string }) => ({ number: `GPLX-${personalId.slice(-6)}`, class: licenceClass }),
  },
});
