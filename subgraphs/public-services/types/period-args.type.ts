import { ArgsType, Field } from 'type-graphql';
import { DateScalar } from '../../../lib/graphql/scalars';

@ArgsType()
export class PeriodArgs {
  @Field(() => DateScalar, { nullable: true, description: 'First day included (Vietnam time); default a year before `to`.' })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day included; default today (Vietnam time).' })
  to?: string | null;
}
