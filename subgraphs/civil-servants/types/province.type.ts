import { Directive, Field, ObjectType } from 'type-graphql';
import { ProvinceCodeScalar } from '../../../lib/graphql/scalars';

// Owned by residents; this subgraph adds `staffing` and refers to provinces by key alone.
@Directive('@key(fields: "code")')
@ObjectType({ description: 'One of the 34 provincial units of 2025.' })
export class Province {
  @Field(() => ProvinceCodeScalar, { description: 'Two-digit code of the province.' })
  code!: string;
}
