import { Directive, Field, ObjectType } from 'type-graphql';
import { ProvinceCodeScalar } from '../../../lib/graphql/scalars';

/** Owned by residents; payments adds fee statistics. */
@Directive('@key(fields: "code")')
@ObjectType({ description: 'One of the 34 provincial units in force from 1 July 2025.' })
export class Province {
  @Field(() => ProvinceCodeScalar, { description: 'The 2-digit province code.' })
  code!: string;
}
